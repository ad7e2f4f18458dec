package dev.ccbridge.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelCatalogTest {
    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

    @Test
    void claudeLimitsFollowTheGeneration() {
        assertThat(CATALOG.lookup("claude-opus-4-7").maxOutputTokens()).isEqualTo(128_000);
        assertThat(CATALOG.lookup("claude-sonnet-4-6").contextWindow()).isEqualTo(1_000_000);
        assertThat(CATALOG.lookup("claude-opus-4-5-20251101").maxOutputTokens()).isEqualTo(64_000);
        assertThat(CATALOG.lookup("claude-opus-4-1-20250805").maxOutputTokens()).isEqualTo(32_000);
        assertThat(CATALOG.lookup("claude-sonnet-4-5-20250929").maxOutputTokens()).isEqualTo(64_000);
        assertThat(CATALOG.lookup("claude-haiku-4-5-20251001").maxOutputTokens()).isEqualTo(64_000);
        assertThat(CATALOG.lookup("claude-3-5-haiku-20241022").maxOutputTokens()).isEqualTo(8192);
        assertThat(CATALOG.lookup("claude-sonnet-4-6").keepsCacheControl()).isTrue();
    }

    @Test
    void bedrockAndOpenRouterIdsFindTheSameEntries() {
        assertThat(CATALOG.lookup("global.anthropic.claude-opus-4-7")).isEqualTo(CATALOG.lookup("claude-opus-4-7"));
        assertThat(CATALOG.lookup("us.anthropic.claude-haiku-4-5-20251001-v1:0").maxOutputTokens()).isEqualTo(64_000);
        assertThat(CATALOG.lookup("openai/gpt-5.5")).isEqualTo(CATALOG.lookup("gpt-5.5"));
        assertThat(CATALOG.lookup("deepseek/deepseek-v4-pro").demandsReasoningBack()).isTrue();
    }

    @Test
    void onlyThinksAdaptivelyWhereTheModelRefusesBudgets() {
        assertThat(CATALOG.lookup("claude-opus-4-7").adaptiveThinkingOnly()).isTrue();
        assertThat(CATALOG.lookup("claude-opus-4-7").rejectsParam(ModelCapabilities.RequestParam.TEMPERATURE)).isTrue();
        assertThat(CATALOG.lookup("claude-sonnet-4-6").adaptiveThinkingOnly()).isFalse();
    }

    @Test
    void reasoningModelsThatMustSeeTheirReasoningAgainAreMarked() {
        assertThat(CATALOG.lookup("deepseek-v4-flash").demandsReasoningBack()).isTrue();
        assertThat(CATALOG.lookup("kimi-k2.6").demandsReasoningBack()).isTrue();
        assertThat(CATALOG.lookup("glm-5.1").demandsReasoningBack()).isTrue();
        assertThat(CATALOG.lookup("gpt-5.5").demandsReasoningBack()).isFalse();
        assertThat(CATALOG.lookup("gpt-5.5").usesMaxCompletionTokens()).isTrue();
    }

    @Test
    void anUnknownModelGetsTheCompleteDefault() {
        ModelCapabilities unknown = CATALOG.lookup("my-local-finetune");

        assertThat(unknown.maxOutputTokens()).isEqualTo(16384);
        assertThat(unknown.contextWindow()).isEqualTo(128_000);
        assertThat(unknown.keepsCacheControl()).isFalse();
        assertThat(unknown.rejects()).isEmpty();
    }

    @Test
    void aDialectNameThisVersionDoesNotKnowFallsBackInsteadOfBreakingTheFile() throws Exception {
        var fromNewerFile = dev.ccbridge.core.json.Json.CONFIG.readValue(
                "{\"reasoning\": \"some_future_style\", \"toolIds\": \"nine_alphanumeric\"}", ModelCapabilities.class);

        ModelCapabilities effective = fromNewerFile.over(CATALOG.lookup("deepseek-v4-flash"));

        assertThat(effective.demandsReasoningBack()).isTrue();
        assertThat(effective.wantsNineCharToolIds()).isTrue();
    }
}
