package dev.ccbridge.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.model.ClaudeModels;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ModelRouterTest {
    private static final ModelRouter ROUTER = new ModelRouter(ModelCatalog.builtIn());

    /** DeepSeek with all three tiers mapped and its own default. */
    private static final Target DEEPSEEK = target("deepseek-v4-flash",
            new ModelTiers("deepseek-v4-pro", "deepseek-v4-flash-sonnet", "deepseek-v4-flash-lite"), List.of(), null);

    private static Target target(String model, ModelTiers tiers, List<String> models, ModelCapabilities caps) {
        return Target.builder().id("t").name("T").provider("p").baseUrl("https://example.test").model(model)
                .apiMode(ApiMode.CHAT_COMPLETIONS).tiers(tiers).models(models).capabilities(caps).build();
    }

    private static String upstream(Target target, String requested) {
        return ROUTER.resolve(target, requested).upstream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "claude-opus-4-7, deepseek-v4-pro",
            "claude-opus-4-1-20250805, deepseek-v4-pro",
            "claude-sonnet-4-6, deepseek-v4-flash-sonnet",
            "claude-sonnet-4-6[1m], deepseek-v4-flash-sonnet",
            "claude-3-5-haiku-20241022, deepseek-v4-flash-lite",
            "claude-haiku-4-5, deepseek-v4-flash-lite",
            "anthropic/claude-haiku-4.5, deepseek-v4-flash-lite",
            "us.anthropic.claude-opus-4-5-20251101-v1:0, deepseek-v4-pro",
            "global.anthropic.claude-sonnet-4-6, deepseek-v4-flash-sonnet",
            "claude-sonnet-4-5@20250929, deepseek-v4-flash-sonnet",
            "opus, deepseek-v4-pro",
            "Sonnet, deepseek-v4-flash-sonnet",
            "opus[1m], deepseek-v4-pro",
            "opusplan, deepseek-v4-pro",
            "haiku, deepseek-v4-flash-lite",
            "ANTHROPIC_DEFAULT_OPUS_MODEL, deepseek-v4-pro",
            "ANTHROPIC_DEFAULT_SONNET_MODEL, deepseek-v4-flash-sonnet",
            "ANTHROPIC_DEFAULT_HAIKU_MODEL, deepseek-v4-flash-lite",
            "ANTHROPIC_SMALL_FAST_MODEL, deepseek-v4-flash-lite",
            "default, deepseek-v4-flash",
            "ANTHROPIC_MODEL, deepseek-v4-flash",
            "claude, deepseek-v4-flash-sonnet",
    })
    void mapsWhatNamesAClaudeTierOntoTheTargetsTiers(String requested, String expected) {
        assertThat(upstream(DEEPSEEK, requested)).isEqualTo(expected);
    }

    @Test
    void letsTheUserPickAnUpstreamModelByName() {
        assertThat(upstream(DEEPSEEK, "deepseek-v4-pro")).isEqualTo("deepseek-v4-pro");
        assertThat(upstream(DEEPSEEK, "gpt-5.5")).isEqualTo("gpt-5.5");
    }

    @Test
    void passesModelsTheTargetNamesEvenWhenTheyLookLikeClaude() {
        Target openRouter = target("qwen/qwen3-coder", ModelTiers.NONE, List.of("anthropic/claude-sonnet-4.6"), null);

        assertThat(upstream(openRouter, "anthropic/claude-sonnet-4.6")).isEqualTo("anthropic/claude-sonnet-4.6");
        assertThat(upstream(openRouter, "claude-sonnet-4-6")).isEqualTo("qwen/qwen3-coder");
    }

    @Test
    void fallsBackToTheTargetModelForTiersItLeavesOpen() {
        Target partial = target("kimi-k2.6", new ModelTiers(null, null, "kimi-k2-turbo"), List.of(), null);

        assertThat(upstream(partial, "claude-opus-4-7")).isEqualTo("kimi-k2.6");
        assertThat(upstream(partial, "claude-haiku-4-5")).isEqualTo("kimi-k2-turbo");
    }

    @Test
    void aPassthroughTargetWithoutModelKeepsRealClaudeIds() {
        Target anthropic = Target.builder().id("t").name("T").provider("anthropic").baseUrl("https://example.test")
                .apiMode(ApiMode.ANTHROPIC_MESSAGES).build();

        assertThat(upstream(anthropic, "claude-sonnet-4-6[1m]")).isEqualTo("claude-sonnet-4-6");
        assertThat(upstream(anthropic, "claude-3-5-haiku-20241022")).isEqualTo("claude-3-5-haiku-20241022");
        // Aliases and ids of other platforms become the Claude id ccbridge offers for that tier.
        assertThat(upstream(anthropic, "opus")).isEqualTo(ClaudeModels.idFor(ModelTiers.Tier.OPUS));
        assertThat(upstream(anthropic, "default")).isEqualTo(ClaudeModels.idFor(ModelTiers.Tier.SONNET));
        assertThat(upstream(anthropic, "us.anthropic.claude-haiku-4-5-20251001-v1:0"))
                .isEqualTo(ClaudeModels.idFor(ModelTiers.Tier.HAIKU));
    }

    @Test
    void aTranslatingTargetWithoutModelHasNothingToSendForClaudeIds() {
        Target chat = target(null, ModelTiers.NONE, List.of(), null);
        assertThat(upstream(chat, "claude-sonnet-4-6")).isNull();
        assertThat(upstream(chat, "")).isNull();
        assertThat(upstream(chat, "my-model")).isEqualTo("my-model");
    }

    @Test
    void targetCapabilitiesOverrideTheCatalogFieldByField() {
        var override = new ModelCapabilities(4096, null, false, null, null, null, null, null, null, null);
        Target tuned = target("deepseek-v4-flash", ModelTiers.NONE, List.of(), override);

        ResolvedModel model = ROUTER.resolve(tuned, "claude-sonnet-4-6");

        assertThat(model.capabilities().maxOutputTokens()).isEqualTo(4096);
        assertThat(model.capabilities().takesImages()).isFalse();
        // Unset fields still come from the catalog entry for deepseek-v4.
        assertThat(model.capabilities().contextWindow()).isEqualTo(1_000_000);
        assertThat(model.capabilities().demandsReasoningBack()).isTrue();
        assertThat(model.clampMaxTokens(32000)).isEqualTo(4096);
        assertThat(model.clampMaxTokens(1000)).isEqualTo(1000);
        assertThat(model.clampMaxTokens(null)).isEqualTo(4096);
    }

    @Test
    void reportsTheIdClaudeCodeAskedFor() {
        assertThat(ROUTER.resolve(DEEPSEEK, "claude-opus-4-7").requested()).isEqualTo("claude-opus-4-7");
    }
}
