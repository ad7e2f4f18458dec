package dev.ccbridge.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.ProviderPreset;
import dev.ccbridge.core.target.ProviderPresets;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.ClaudeCode;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.agent.TaskAgent;
import dev.ccbridge.fake.providers.Providers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real Claude Code, through ccbridge, against the conformance profile of every provider
 * preset: a session in which the model thinks, calls Bash, and reports the tool's result, once
 * with the preset's model and once with a model name ccbridge's catalog does not know (an alias,
 * a renamed deployment: the provider's rules stay the same). A broken rule is the provider's own
 * 400, which fails the session; what the model reasoned must come back on the follow-up request
 * wherever the provider gave any.
 */
class ProviderConformanceTest {
    /** A model name no pattern of models.json matches. */
    static final String UNKNOWN_MODEL = "renamed-deployment-7f3a";

    @TempDir
    Path scratch;

    static Stream<Arguments> presetsAndModels() {
        return ProviderPresets.builtIn().all().stream()
                .flatMap(preset -> Stream.of(Arguments.of(preset.id(), "preset model"),
                        Arguments.of(preset.id(), UNKNOWN_MODEL)));
    }

    @Test
    void everyPresetHasAProfile() {
        assertThat(Providers.presets()).containsExactlyInAnyOrderElementsOf(
                ProviderPresets.builtIn().all().stream().map(ProviderPreset::id).toList());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("presetsAndModels")
    void claudeCodeThinksAndRunsAToolWithinTheProvidersRules(String presetId, String model) throws Exception {
        ClaudeCode.binary();
        ProviderPreset preset = ProviderPresets.builtIn().byId(presetId).orElseThrow();
        Profile profile = Providers.forPreset(presetId);
        try (var fake = FakeProvider.start(profile);
             var gateway = GatewayHarness.start(target(preset, fake, model))) {
            ClaudeCode.Result result = ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch,
                    TaskAgent.MARKER_PROMPT, "--allowedTools", "Bash");

            String story = ClaudeCode.story(result, gateway, fake);
            assertThat(fake.refusals()).as(story).isEmpty();
            assertThat(result.exit()).as(story).isZero();
            assertThat(result.output()).as(story).contains(TaskAgent.report(TaskAgent.MARKER_COMMAND.substring(5)));
            assertThat(fake.received()).as(story).hasSizeGreaterThanOrEqualTo(2);
            Replay.assertReasoningCameBack(profile, fake.received());
        }
    }

    /**
     * The control: the profiles bite through the whole stack. Told (wrongly) that Groq takes
     * OpenAI's {@code prompt_cache_key}, ccbridge sends it, and Claude Code shows Groq's refusal.
     */
    @Test
    void aRuleBrokenOnTheWayFailsTheSessionWithTheProvidersWords() throws Exception {
        ClaudeCode.binary();
        ProviderPreset groq = ProviderPresets.builtIn().byId("groq").orElseThrow();
        var takesCacheKey = new ModelCapabilities(null, null, null, null, null, null, null, null, null, null, null,
                true);
        try (var fake = FakeProvider.start(Providers.forPreset("groq"));
             var gateway = GatewayHarness.start(target(groq, fake, "preset model").toBuilder()
                     .capabilities(takesCacheKey)
                     .build())) {
            ClaudeCode.Result result = ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch,
                    TaskAgent.MARKER_PROMPT, "--allowedTools", "Bash");

            assertThat(result.exit()).as(result.output()).isNotZero();
            assertThat(result.output()).contains("property 'prompt_cache_key' is unsupported");
            assertThat(fake.refusals()).isNotEmpty().allSatisfy(refusal -> assertThat(refusal.status()).isEqualTo(400));
        }
    }

    /**
     * The preset's target, pointed at the fake, its model for every tier: the preset's default, or
     * {@code model} unless that says to keep the preset's.
     */
    static Target target(ProviderPreset preset, FakeProvider fake, String model) {
        Target.Builder target = preset.toTarget().toBuilder().id(preset.id()).tiers(ModelTiers.NONE);
        target.baseUrl(fake.baseUrl());
        if (preset.apiMode() == ApiMode.BEDROCK_CONVERSE) {
            // Bedrock is reached through its endpoint option; the base URL only tells targets apart.
            Map<String, String> options = new HashMap<>(preset.options().asMap());
            options.put("endpoint", fake.rootUrl());
            target.options(options);
        }
        if (model.equals(UNKNOWN_MODEL)) {
            target.model(UNKNOWN_MODEL).models(List.of(UNKNOWN_MODEL));
        }
        return target.build();
    }
}
