package dev.ccbridge.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ProviderPreset;
import dev.ccbridge.core.target.ProviderPresets;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.ClaudeCode;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.agent.TaskAgent;
import dev.ccbridge.fake.providers.Providers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Switching providers in the middle of a conversation: the real Claude Code starts a session on
 * one API mode (the model thinks, runs Bash, reports), then {@code claude --continue} goes on with
 * the same history on another mode, where the model thinks and runs Bash again. Each mode is a
 * strict provider: DeepSeek's Chat (reasoning back on every tool-call turn), OpenAI's Responses
 * (encrypted reasoning, its own items only), Anthropic and Bedrock (thinking only with Claude's
 * signatures). Every one of the 4 x 4 pairs must pass without a single refusal; so must a switch from
 * an Anthropic-compatible gateway (which signs thinking its own way) to Anthropic or Bedrock.
 */
class SwitchingMatrixTest {
    /** The preset whose provider stands for each mode. */
    static final List<String> MODES = List.of("deepseek", "openai-responses", "anthropic", "bedrock");

    @TempDir
    Path scratch;

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (String first : MODES) {
            for (String then : MODES) {
                pairs.add(Arguments.of(first, then));
            }
        }
        return pairs.stream();
    }

    static Stream<Arguments> fromGateways() {
        return Stream.of(Arguments.of("anthropic-gateway", "anthropic"), Arguments.of("anthropic-gateway", "bedrock"),
                Arguments.of("deepseek-anthropic", "anthropic"), Arguments.of("deepseek-anthropic", "bedrock"));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("pairs")
    void aSessionStartedOnOneModeContinuesOnAnother(String first, String then) throws Exception {
        switchMidSession(first, then);
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("fromGateways")
    void aGatewaysSignedThinkingNeverReachesAnthropicOrBedrock(String first, String then) throws Exception {
        switchMidSession(first, then);
    }

    private void switchMidSession(String first, String then) throws Exception {
        ClaudeCode.binary();
        try (var started = FakeProvider.start(Providers.forPreset(first));
             var continued = FakeProvider.start(Providers.forPreset(then));
             var gateway = GatewayHarness.start(target(first, started, "first"))) {
            Target next = gateway.registry.put(target(then, continued, "then"));
            gateway.secrets.put(next.secretAccount(), GatewayHarness.KEY);

            ClaudeCode.Result opening = ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch,
                    TaskAgent.MARKER_PROMPT, "--allowedTools", "Bash");
            assertThat(opening.exit()).as(ClaudeCode.story(opening, gateway, started)).isZero();

            gateway.registry.activate(next.id());
            ClaudeCode.Result going = ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch,
                    "Please run the marker command with Bash once more", "--continue", "--allowedTools", "Bash");

            String story = ClaudeCode.story(going, gateway, started, continued);
            assertThat(started.refusals()).as(story).isEmpty();
            assertThat(continued.refusals()).as(story).isEmpty();
            assertThat(going.exit()).as(story).isZero();
            assertThat(going.output()).as(story).contains(TaskAgent.report("ccbridge-tool-ok"));
            assertThat(continued.received()).as(story).hasSizeGreaterThanOrEqualTo(2);
            assertThat(continued.received().getFirst().text()).as("the history came along")
                    .contains(TaskAgent.report("ccbridge-tool-ok"));
        }
    }

    /** The preset's target at the fake, under its own id, with the preset's default model for every tier. */
    private static Target target(String preset, FakeProvider fake, String id) {
        ProviderPreset chosen = ProviderPresets.builtIn().byId(preset).orElseThrow();
        return ProviderConformanceTest.target(chosen, fake, "preset model").toBuilder().id(id).build();
    }
}
