package dev.ccbridge.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.testing.FaultyUpstream.Exchange;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The faults every HTTP mode meets the same way (Chat Completions, Responses, Anthropic
 * passthrough): what Claude Code receives, streaming and not, and that nothing is left behind.
 * Bedrock's own are in {@code BedrockFaultsTest}; Chat's full matrix in {@link ChatFaultsTest}.
 */
class EveryModeFaultsTest {
    private static final String SSE = "text/event-stream";
    private static final Map<String, String> QUICK = Map.of("firstByteTimeoutSeconds", "2", "idleTimeoutSeconds", "1");

    /** The chunks of a valid answer before its end: content, but no finish. */
    private static List<String> partial(FaultBench bench, Exchange x) {
        List<String> chunks = bench.validAnswer(x.json());
        return chunks.subList(0, bench.mode == ApiMode.CHAT_COMPLETIONS ? 2 : 3);
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES"})
    void aValidAnswerGetsThrough(ApiMode mode) throws Exception {
        try (var bench = new FaultBench(mode, QUICK)) {
            bench.upstream.script(x -> x.head(200, SSE).chunks(bench.validAnswer(x.json())).end());
            assertThat(bench.send(true).isCompleteStream().text()).isEqualTo("OK");
            assertThat(bench.send(false).text()).isEqualTo("OK");
            bench.assertNothingLeft();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES"})
    void connectionRefused(ApiMode mode) throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (var bench = new FaultBench(mode, QUICK)) {
            bench.gateway.registry.put(FaultBench.target(mode, "http://127.0.0.1:" + closedPort, QUICK)
                    .withId("faulty"));
            for (boolean stream : new boolean[] {true, false}) {
                bench.send(stream).isHttpError(502, "api_error", "connection refused");
                bench.assertNothingLeft();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES"})
    void resetMidStream(ApiMode mode) throws Exception {
        try (var bench = new FaultBench(mode, QUICK)) {
            bench.upstream.script(x -> x.head(200, SSE).chunks(partial(bench, x)).reset());
            bench.send(true).isStreamCutWithError("api_error", "the connection to Faulty broke");
            bench.assertNothingLeft();
            if (mode != ApiMode.ANTHROPIC_MESSAGES) {
                bench.send(false).isHttpError(502, "api_error", "the connection to Faulty broke");
                bench.assertNothingLeft();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES"})
    void slowFirstByte(ApiMode mode) throws Exception {
        try (var bench = new FaultBench(mode, QUICK)) {
            bench.upstream.script(x -> x.pause(Duration.ofSeconds(20)).head(200, SSE).end());
            for (boolean stream : new boolean[] {true, false}) {
                bench.send(stream).isHttpError(504, "api_error", "Faulty did not answer within 2 s");
                bench.assertNothingLeft();
            }
            assertThat(bench.upstream.closedByCaller()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES"})
    void stallBetweenChunks(ApiMode mode) throws Exception {
        try (var bench = new FaultBench(mode, QUICK)) {
            bench.upstream.script(x -> x.head(200, SSE).chunks(partial(bench, x)).hang());
            bench.send(true).isStreamCutWithError("api_error", "Faulty stopped sending data for 1 s");
            bench.assertNothingLeft();
            if (mode != ApiMode.ANTHROPIC_MESSAGES) {
                bench.send(false).isHttpError(504, "api_error", "Faulty stopped sending data for 1 s");
                bench.assertNothingLeft();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES"})
    void stallBeforeAnything(ApiMode mode) throws Exception {
        try (var bench = new FaultBench(mode, QUICK)) {
            bench.upstream.script(x -> x.head(200, SSE).hang());
            bench.send(true).isHttpError(504, "api_error", "Faulty stopped sending data for 1 s");
            bench.assertNothingLeft();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES"})
    void truncatedStream(ApiMode mode) throws Exception {
        try (var bench = new FaultBench(mode, QUICK)) {
            bench.upstream.script(x -> x.head(200, SSE).chunks(partial(bench, x)).end());
            bench.send(true).isStreamCutWithError("api_error", "upstream stream ended unexpectedly");
            bench.assertNothingLeft();
            if (mode != ApiMode.ANTHROPIC_MESSAGES) {
                bench.send(false).isHttpError(502, "api_error", "upstream stream ended unexpectedly");
                bench.assertNothingLeft();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES"})
    void malformedChunk(ApiMode mode) throws Exception {
        try (var bench = new FaultBench(mode, QUICK)) {
            bench.upstream.script(x -> {
                List<String> valid = bench.validAnswer(x.json());
                List<String> before = partial(bench, x);
                x.head(200, SSE).chunks(before).chunk("data: {\"type\": oops\n\n")
                        .chunks(valid.subList(before.size(), valid.size())).end();
            });
            bench.send(true).isStreamCutWithError("api_error", "Faulty sent malformed data");
            bench.assertNothingLeft();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES"})
    void anHtmlPageWith200(ApiMode mode) throws Exception {
        try (var bench = new FaultBench(mode, QUICK)) {
            bench.upstream.script(x -> x.whole(200, "text/html", "<html><body>Welcome to nginx!</body></html>"));
            for (boolean stream : new boolean[] {true, false}) {
                bench.send(stream).isHttpError(502, "api_error", "text/html");
                bench.assertNothingLeft();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES"})
    void oddErrorBodies(ApiMode mode) throws Exception {
        try (var bench = new FaultBench(mode, QUICK)) {
            bench.upstream.script(x -> x.whole(502, "text/html",
                    "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"));
            bench.send(true).isHttpError(502, "api_error", "502 Bad Gateway");
            bench.upstream.script(x -> x.whole(429, "text/plain", "slow down", "Retry-After: 3"));
            Received limited = bench.send(false).isHttpError(429, "rate_limit_error", "slow down");
            assertThat(limited.header("retry-after")).isEqualTo("3");
            bench.upstream.script(x -> x.whole(500, null, ""));
            bench.send(true).isHttpError(500, "api_error", "no details given");
            bench.assertNothingLeft();
        }
    }
}
