package dev.ccbridge.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.testing.ClaudeCode;
import dev.ccbridge.core.testing.Fakes;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Fault;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.agent.TaskAgent;
import dev.ccbridge.fake.rules.Errors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real Claude Code CLI through ccbridge to a fake provider of every API mode (Bedrock through
 * its endpoint option): a plain prompt, a tool round trip (Bash runs, its result goes back), an
 * upstream error (shown, non-zero exit, no stack trace), and a provider silent for longer than
 * Claude Code's byte watchdog allows, kept alive by ccbridge's pings.
 */
class ClaudeCodeEveryModeTest {
    private static final String REFUSAL = "the model fake-model is not enabled for project p-4711";
    /** Claude Code aborts a stream that sends no bytes for this long (its minimum is 10 s). */
    private static final Map<String, String> BYTE_WATCHDOG = Map.of("CLAUDE_ENABLE_BYTE_WATCHDOG", "1",
            "CLAUDE_BYTE_STREAM_IDLE_TIMEOUT_MS", "10000");
    private static final Duration SILENCE = Duration.ofSeconds(12);

    @TempDir
    Path scratch;

    /** A fake provider of one mode, misbehaving as {@code fault} says, behind a gateway with it as the active target. */
    private static final class Bench implements AutoCloseable {
        final FakeProvider provider;
        final GatewayHarness gateway;

        Bench(ApiMode mode, Fault fault, Duration pingInterval) {
            this.provider = FakeProvider.start(Profile.of(Fakes.dialect(mode)).failing(fault));
            this.gateway = GatewayHarness.start(Fakes.target(mode, provider, mode == ApiMode.BEDROCK_CONVERSE
                    ? "us.anthropic.claude-sonnet-4-5-20250929-v1:0" : "fake-model"),
                    ServerSettings.onPort(0).withPingInterval(pingInterval));
        }

        ClaudeCode.Result claude(Path scratch, Map<String, String> env, String prompt, String... args)
                throws Exception {
            return ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch, env, prompt, args);
        }

        String story(ClaudeCode.Result result) {
            return ClaudeCode.story(result, gateway, provider);
        }

        @Override
        public void close() {
            gateway.close();
            provider.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void aPlainPromptIsAnswered(ApiMode mode) throws Exception {
        ClaudeCode.binary();
        try (var bench = new Bench(mode, Fault.NONE, Duration.ofSeconds(10))) {
            ClaudeCode.Result result = bench.claude(scratch, Map.of(), "Say something");
            assertThat(result.exit()).as(bench.story(result)).isZero();
            assertThat(result.output().strip()).as(bench.story(result)).isEqualTo("OK");
            assertThat(bench.gateway.log.snapshot()).as("a session refused nothing (no stray endpoint)")
                    .isNotEmpty().allSatisfy(r -> assertThat(r.rejection()).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void aToolRunsAndItsResultGoesBack(ApiMode mode) throws Exception {
        ClaudeCode.binary();
        try (var bench = new Bench(mode, Fault.NONE, Duration.ofSeconds(10))) {
            ClaudeCode.Result result = bench.claude(scratch, Map.of(), TaskAgent.MARKER_PROMPT,
                    "--allowedTools", "Bash");
            assertThat(result.exit()).as(bench.story(result)).isZero();
            // The marker's output only exists if Bash ran it; the fake repeats what came back.
            assertThat(result.output()).as(bench.story(result)).contains(TaskAgent.report("ccbridge-tool-ok"));
            assertThat(bench.provider.last().text()).contains("ccbridge-tool-ok");
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void anUpstreamErrorIsShownAndClaudeCodeExitsNonZero(ApiMode mode) throws Exception {
        ClaudeCode.binary();
        Reply refusal = mode == ApiMode.BEDROCK_CONVERSE ? Errors.bedrockValidation(REFUSAL)
                : Reply.json(400, "{\"error\":{\"message\":\"" + REFUSAL + "\"}}");
        try (var bench = new Bench(mode, Fault.reply(refusal), Duration.ofSeconds(10))) {
            ClaudeCode.Result result = bench.claude(scratch, Map.of(), "Say something");
            assertThat(result.exit()).as(result.output()).isNotZero();
            assertThat(result.output()).as("Claude Code shows the provider's reason").contains(REFUSAL).contains("400");
            assertThat(result.output()).as("no stack trace").doesNotContain("\tat ", "    at ", "Exception");
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void aProviderSilentLongerThanClaudeCodesWatchdogIsKeptAliveByPings(ApiMode mode) throws Exception {
        ClaudeCode.binary();
        try (var bench = new Bench(mode, Fault.silenceAfter(1, SILENCE), Duration.ofSeconds(2))) {
            ClaudeCode.Result result = bench.claude(scratch, BYTE_WATCHDOG, "Say something");
            assertThat(result.exit()).as(bench.story(result)).isZero();
            assertThat(result.output().strip()).as(bench.story(result)).isEqualTo("OK");
            assertThat(bench.provider.received()).as("the stream lasted: no second try").hasSize(1);
        }
    }

    /**
     * The control: without pings Claude Code gives up on the same silent stream and asks again
     * without streaming, so the test above means something.
     */
    @Test
    void withoutPingsClaudeCodeGivesUpOnTheSameSilence() throws Exception {
        ClaudeCode.binary();
        Fault silent = Fault.silenceAfter(1, SILENCE);
        try (var bench = new Bench(ApiMode.ANTHROPIC_MESSAGES, silent, Duration.ofSeconds(60))) {
            ClaudeCode.Result result = bench.claude(scratch, BYTE_WATCHDOG, "Say something");
            assertThat(bench.provider.received()).as(bench.story(result)).hasSize(2);
            assertThat(bench.provider.received().getFirst().json().path("stream").asBoolean()).isTrue();
            assertThat(bench.provider.received().getLast().json().path("stream").asBoolean())
                    .as("Claude Code abandoned the silent stream and asked again without streaming").isFalse();
        }
    }
}
