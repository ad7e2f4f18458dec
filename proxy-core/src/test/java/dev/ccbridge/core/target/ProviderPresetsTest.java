package dev.ccbridge.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.routing.ModelRouter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderPresetsTest {
    private static final ProviderPresets PRESETS = ProviderPresets.builtIn();
    private static final ModelRouter ROUTER = new ModelRouter(ModelCatalog.builtIn());

    @Test
    void coversTheProvidersUsersAskFor() {
        assertThat(PRESETS.all()).extracting(ProviderPreset::id).contains("openai", "openai-responses",
                "openrouter", "deepseek", "moonshot", "qwen", "groq", "mistral", "gemini", "ollama", "lmstudio",
                "vllm", "anthropic", "anthropic-gateway", "bedrock");
        assertThat(PRESETS.byId("openai-responses").orElseThrow().apiMode()).isEqualTo(ApiMode.CODEX_RESPONSES);
        assertThat(PRESETS.byId("anthropic").orElseThrow().apiMode()).isEqualTo(ApiMode.ANTHROPIC_MESSAGES);
        assertThat(PRESETS.byId("bedrock").orElseThrow().apiMode()).isEqualTo(ApiMode.BEDROCK_CONVERSE);
        assertThat(PRESETS.byId("DeepSeek")).isPresent();
    }

    @Test
    void everyPresetBecomesATargetTheRegistryStoresAndEveryTierResolves() {
        var registry = new TargetRegistry(new GatewayConfig(0, 0, null, null, List.of(), null), null);
        for (ProviderPreset preset : PRESETS.all()) {
            Target stored = registry.put(preset.toTarget());

            assertThat(stored.id()).as(preset.id()).isNotBlank();
            assertThat(stored.token()).as(preset.id()).isNotBlank();
            assertThat(stored.apiMode()).isEqualTo(preset.apiMode());
            assertThat(stored.baseUrl()).isEqualTo(preset.baseUrl()).doesNotEndWith("/");
            for (String claude : List.of("claude-opus-4-7", "claude-sonnet-4-6", "claude-haiku-4-5")) {
                String upstream = ROUTER.resolve(stored, claude).upstream();
                assertThat(upstream).as(preset.id() + " " + claude).isNotBlank();
                if (preset.model() != null) {
                    assertThat(preset.models()).as(preset.id() + " offers " + upstream).contains(upstream);
                }
            }
        }
        assertThat(registry.targets()).hasSize(PRESETS.all().size());
        assertThat(registry.targets()).extracting(Target::routeKey).doesNotHaveDuplicates();
    }

    @Test
    void aPresetTargetSurvivesTheConfigFile() throws Exception {
        for (ProviderPreset preset : PRESETS.all()) {
            Target target = preset.toTarget().withId(preset.id()).withToken("ccb_test");

            Target read = Json.CONFIG.readValue(Json.CONFIG.writeValueAsString(target), Target.class);

            assertThat(read).as(preset.id()).isEqualTo(target);
        }
    }

    @Test
    void hostedPresetsNameTheirKeyAndUseHttps() {
        for (ProviderPreset preset : PRESETS.all()) {
            if (!preset.local()) {
                assertThat(preset.baseUrl()).as(preset.id()).startsWith("https://");
                assertThat(preset.apiKeyEnv()).as(preset.id()).matches("[A-Z][A-Z0-9_]+");
            }
        }
        assertThat(PRESETS.byId("deepseek").orElseThrow().apiKeyEnv()).isEqualTo("DEEPSEEK_API_KEY");
        assertThat(PRESETS.byId("ollama").orElseThrow().apiKeyEnv()).isNull();
    }

    @Test
    void aPassthroughPresetWithoutModelKeepsClaudeIds() {
        Target anthropic = PRESETS.byId("anthropic").orElseThrow().toTarget();

        assertThat(ROUTER.resolve(anthropic, "claude-sonnet-4-6").upstream()).isEqualTo("claude-sonnet-4-6");
        assertThat(anthropic.options().auth()).isEqualTo("x-api-key");
    }

    @Test
    void presetCapabilitiesReachTheResolvedModel() {
        Target openRouter = PRESETS.byId("openrouter").orElseThrow().toTarget();

        assertThat(ROUTER.resolve(openRouter, "claude-sonnet-4-6").capabilities().reasoningControl())
                .isEqualTo(dev.ccbridge.core.model.ModelCapabilities.ReasoningControl.OPENROUTER);
        // OpenRouter reads PDFs for every model (natively or with its parser), so they go as files.
        assertThat(ROUTER.resolve(openRouter, "qwen/qwen3-coder").capabilities().takesDocuments()).isTrue();
    }

    @Test
    void refusesPresetDataThatWouldMakeBrokenTargets() {
        assertThatThrownBy(() -> ProviderPresets.load("/presets/hosted-over-http.json"))
                .hasMessageContaining("plain http");
        assertThatThrownBy(() -> ProviderPresets.load("/presets/model-not-suggested.json"))
                .hasMessageContaining("suggested models");
    }
}
