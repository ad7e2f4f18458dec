package dev.ccbridge.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.ClaudeCode;
import dev.ccbridge.core.testing.FakeAgent;
import dev.ccbridge.core.testing.FakeProvider;
import dev.ccbridge.core.testing.FaultyUpstream;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.testing.ReasoningAgent;
import dev.ccbridge.core.upstream.bedrock.BedrockFake;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real Claude Code CLI through ccbridge to a fake provider of every API mode (Bedrock through
 * the fake Bedrock endpoint): a plain prompt, a tool round trip (Bash runs, its result goes
 * back), an upstream error (shown, non-zero exit, no stack trace), and a provider silent for
 * longer than Claude Code's byte watchdog allows, kept alive by ccbridge's pings.
 */
class ClaudeCodeEveryModeTest {
    private static final String RUN_MARKER = "Please run the marker command with Bash";
    private static final String REFUSAL = "the model fake-model is not enabled for project p-4711";
    /** Claude Code aborts a stream that sends no bytes for this long (its minimum is 10 s). */
    private static final Map<String, String> BYTE_WATCHDOG = Map.of("CLAUDE_ENABLE_BYTE_WATCHDOG", "1",
            "CLAUDE_BYTE_STREAM_IDLE_TIMEOUT_MS", "10000");
    private static final Duration SILENCE = Duration.ofSeconds(12);

    @TempDir
    Path scratch;

    /** A fake provider speaking one mode's protocol, behind a gateway with it as the active target. */
    private static final class Bench implements AutoCloseable {
        final ApiMode mode;
        final FakeProvider provider;
        final BedrockFake bedrock;
        final GatewayHarness gateway;

        Bench(ApiMode mode, Duration silence, Duration pingInterval) {
            this(mode, silence, pingInterval, false);
        }

        /** @param reasoning the provider's model reasons before its tool call and wants that back ({@link ReasoningAgent}) */
        Bench(ApiMode mode, Duration silence, Duration pingInterval, boolean reasoning) {
            this.mode = mode;
            ReasoningAgent agent = ReasoningAgent.MARKER;
            this.provider = switch (mode) {
                case CHAT_COMPLETIONS -> reasoning ? new FakeProvider((path, body) -> agent.chat(body))
                        : new FakeProvider(FakeAgent::chat);
                case CODEX_RESPONSES -> reasoning ? new FakeProvider((path, body) -> agent.responses(body))
                        : new FakeProvider(FakeAgent::responses);
                case ANTHROPIC_MESSAGES -> reasoning ? new FakeProvider(agent::anthropic)
                        : new FakeProvider(FakeAgent::anthropic);
                default -> null;
            };
            if (provider != null) {
                provider.silenceAfterFirstChunk(silence);
                bedrock = null;
            } else if (reasoning) {
                bedrock = new BedrockFake().replyWith(agent::converse, silence);
            } else {
                bedrock = new BedrockFake().replyWith(body -> FakeAgent.converse(body).stream()
                        .map(e -> BedrockFake.Frame.event(e.type(), e.json())).toList(), silence);
            }
            String url = switch (mode) {
                case ANTHROPIC_MESSAGES -> provider.rootUrl();
                case BEDROCK_CONVERSE -> null;
                default -> provider.baseUrl();
            };
            this.gateway = GatewayHarness.start(target(mode, url, bedrock), ServerSettings.onPort(0)
                    .withPingInterval(pingInterval));
        }

        ClaudeCode.Result claude(Path scratch, Map<String, String> env, String prompt, String... args)
                throws Exception {
            return ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch, env, prompt, args);
        }

        /** What happened, for a failure message: Claude Code's output and the gateway's log. */
        String story(ClaudeCode.Result result) {
            var out = new StringBuilder("claude exit ").append(result.exit()).append(": ").append(result.output());
            gateway.log.snapshot().forEach(r -> out.append("\n  gateway ").append(r.completion().map(c -> c.status() + " "
                            + (c.failure() == null ? "" : c.failure().message())).orElse("in flight")).append(' ')
                    .append(r.routing().requestedModel()).append(" -> ").append(r.routing().upstreamModel()));
            return out.toString();
        }

        @Override
        public void close() throws Exception {
            gateway.close();
            if (provider != null) {
                provider.close();
            }
            if (bedrock != null) {
                bedrock.close();
            }
        }
    }

    private static Target target(ApiMode mode, String baseUrl, BedrockFake bedrock) {
        String model = mode == ApiMode.BEDROCK_CONVERSE ? "us.anthropic.claude-sonnet-4-5-20250929-v1:0" : "fake-model";
        Map<String, String> options = mode == ApiMode.BEDROCK_CONVERSE
                ? Map.of("region", "us-east-1", "endpoint", bedrock.endpoint()) : Map.of();
        return Target.builder().id("fake").name("Fake").provider("fake").baseUrl(baseUrl).model(model)
                .apiMode(mode).options(options).build();
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void aPlainPromptIsAnswered(ApiMode mode) throws Exception {
        ClaudeCode.binary();
        try (var bench = new Bench(mode, Duration.ZERO, Duration.ofSeconds(10))) {
            ClaudeCode.Result result = bench.claude(scratch, Map.of(), "Say something");
            assertThat(result.exit()).as(bench.story(result)).isZero();
            assertThat(result.output().strip()).as(bench.story(result)).isEqualTo("OK");
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void aToolRunsAndItsResultGoesBack(ApiMode mode) throws Exception {
        ClaudeCode.binary();
        try (var bench = new Bench(mode, Duration.ZERO, Duration.ofSeconds(10))) {
            ClaudeCode.Result result = bench.claude(scratch, Map.of(), RUN_MARKER, "--allowedTools", "Bash");
            assertThat(result.exit()).as(bench.story(result)).isZero();
            // The marker's output only exists if Bash ran it; the fake repeats what came back.
            assertThat(result.output()).as(bench.story(result)).contains("The tool said: ccbridge-tool-ok");
            List<JsonNode> requests = bench.provider != null ? bench.provider.requests()
                    : bench.bedrock.received().stream().map(BedrockFake.Received::body).toList();
            assertThat(requests.getLast().toString()).contains("ccbridge-tool-ok");
        }
    }

    /**
     * A model (under a name the catalog does not know) that thinks before it calls Bash, and whose
     * provider refuses the next request unless that reasoning comes back as it wants it: Claude
     * Code's own history must carry it there, so the tool's result reaches the model.
     */
    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void reasoningBeforeAToolCallGoesBackWithTheToolsResult(ApiMode mode) throws Exception {
        ClaudeCode.binary();
        try (var bench = new Bench(mode, Duration.ZERO, Duration.ofSeconds(10), true)) {
            ClaudeCode.Result result = bench.claude(scratch, Map.of(), RUN_MARKER, "--allowedTools", "Bash");
            assertThat(result.exit()).as(bench.story(result)).isZero();
            assertThat(result.output()).as(bench.story(result))
                    .contains(ReasoningAgent.answerTo(FakeAgent.MARKER_COMMAND.substring("echo ".length())));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void anUpstreamErrorIsShownAndClaudeCodeExitsNonZero(ApiMode mode) throws Exception {
        ClaudeCode.binary();
        try (var faulty = new FaultyUpstream(); var bedrock = new BedrockFake()) {
            faulty.script(x -> x.whole(400, "application/json", "{\"error\":{\"message\":\"" + REFUSAL + "\"}}"));
            bedrock.replyJson(400, "ValidationException", "{\"message\":\"" + REFUSAL + "\"}");
            String url = switch (mode) {
                case ANTHROPIC_MESSAGES -> faulty.rootUrl();
                case BEDROCK_CONVERSE -> null;
                default -> faulty.baseUrl();
            };
            try (var gateway = GatewayHarness.start(target(mode, url, bedrock))) {
                ClaudeCode.Result result = ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(),
                        scratch, "Say something");
                assertThat(result.exit()).as(result.output()).isNotZero();
                assertThat(result.output()).as("Claude Code shows the provider's reason").contains(REFUSAL)
                        .contains("400");
                assertThat(result.output()).as("no stack trace").doesNotContain("\tat ", "    at ", "Exception");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void aProviderSilentLongerThanClaudeCodesWatchdogIsKeptAliveByPings(ApiMode mode) throws Exception {
        ClaudeCode.binary();
        try (var bench = new Bench(mode, SILENCE, Duration.ofSeconds(2))) {
            ClaudeCode.Result result = bench.claude(scratch, BYTE_WATCHDOG, "Say something");
            assertThat(result.exit()).as(bench.story(result)).isZero();
            assertThat(result.output().strip()).as(bench.story(result)).isEqualTo("OK");
        }
    }

    /** The control: without pings the same silence makes Claude Code give up, so the test above means something. */
    @Test
    void withoutPingsClaudeCodeGivesUpOnTheSameSilence() throws Exception {
        ClaudeCode.binary();
        try (var bench = new Bench(ApiMode.ANTHROPIC_MESSAGES, SILENCE, Duration.ofSeconds(60))) {
            ClaudeCode.Result result = bench.claude(scratch, BYTE_WATCHDOG, "Say something");
            assertThat(result.exit()).as(bench.story(result)).isNotZero();
        }
    }
}
