package dev.ccbridge.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.testing.FaultyUpstream.Exchange;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix for a Bedrock target: the AWS SDK talks to a misbehaving endpoint (binary
 * event-stream frames over raw sockets); Claude Code receives the same kinds of answers as from
 * the HTTP modes, and the SDK's calls and connections end with the request.
 */
class BedrockFaultsTest {
    private static final String EVENTS = "application/vnd.amazon.eventstream";

    private FaultBench bench;

    @BeforeEach
    void start() {
        // The SDK's first request in a JVM loads many classes: the first-byte limit leaves room for that.
        bench = new FaultBench(ApiMode.BEDROCK_CONVERSE,
                Map.of("firstByteTimeoutSeconds", "5", "idleTimeoutSeconds", "1"));
    }

    @AfterEach
    void stop() throws Exception {
        bench.close();
    }

    private static void frames(Exchange x, List<byte[]> frames) throws java.io.IOException {
        for (byte[] frame : frames) {
            x.chunk(frame);
        }
    }

    @Test
    void aValidAnswerGetsThrough() throws Exception {
        bench.upstream.script(x -> {
            x.head(200, EVENTS);
            frames(x, FaultBench.validFrames(x.json()));
            x.end();
        });
        assertThat(bench.send(true).isCompleteStream().text()).isEqualTo("OK");
        assertThat(bench.send(false).text()).isEqualTo("OK");
        bench.assertNothingLeft();
    }

    /** No quick retry for Bedrock by default (see RetryPolicy): the answer comes at once. */
    @Test
    void connectionRefused() throws Exception {
        for (boolean stream : new boolean[] {true, false}) {
            // A fresh port each time: the SDK's pool may stall on reconnecting to one that just refused.
            int closedPort;
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            bench.gateway.registry.put(FaultBench.target(ApiMode.BEDROCK_CONVERSE, "http://127.0.0.1:" + closedPort,
                    Map.of()).withId("faulty"));
            Received got = bench.send(stream).isHttpError(502, "api_error", "connection refused");
            assertThat(got.millis()).isLessThan(5000);
            assertThat(bench.lastRecord().attempts()).hasSize(1);
            bench.assertNothingLeft();
        }
    }

    @Test
    void aSlowFirstByteIsA504AndTheCallIsAborted() throws Exception {
        bench.gateway.registry.put(FaultBench.target(ApiMode.BEDROCK_CONVERSE, bench.upstream.rootUrl(),
                Map.of("firstByteTimeoutSeconds", "1")).withId("faulty"));
        bench.upstream.script(x -> x.pause(Duration.ofSeconds(20)).head(200, EVENTS).end());
        for (boolean stream : new boolean[] {true, false}) {
            bench.send(stream).isHttpError(504, "api_error", "Faulty did not answer within 1 s");
            bench.assertNothingLeft();
        }
        assertThat(bench.upstream.closedByCaller()).isEqualTo(2);
    }

    @Test
    void aStallMidStreamEndsWithAnErrorEvent() throws Exception {
        bench.upstream.script(x -> {
            x.head(200, EVENTS);
            frames(x, FaultBench.validFrames(x.json()).subList(0, 2));
            x.hang();
        });
        bench.send(true).isStreamCutWithError("api_error", "Faulty stopped sending data for 1 s");
        bench.assertNothingLeft();
        bench.send(false).isHttpError(504, "api_error", "Faulty stopped sending data for 1 s");
        bench.assertNothingLeft();
        assertThat(bench.upstream.closedByCaller()).isEqualTo(2);
    }

    @Test
    void aResetMidStreamEndsWithAnErrorEvent() throws Exception {
        bench.upstream.script(x -> {
            x.head(200, EVENTS);
            frames(x, FaultBench.validFrames(x.json()).subList(0, 2));
            x.reset();
        });
        bench.send(true).isStreamCutWithError("api_error", "Faulty");
        bench.assertNothingLeft();
    }

    @Test
    void aStreamThatEndsBeforeMessageStopIsCutWithAnError() throws Exception {
        bench.upstream.script(x -> {
            x.head(200, EVENTS);
            frames(x, FaultBench.validFrames(x.json()).subList(0, 2));
            x.end();
        });
        bench.send(true).isStreamCutWithError("api_error", "upstream stream ended unexpectedly");
        bench.send(false).isHttpError(502, "api_error", "upstream stream ended unexpectedly");
        bench.assertNothingLeft();
    }

    @Test
    void aFrameWithABrokenChecksumIsAnErrorNeverSkipped() throws Exception {
        bench.upstream.script(x -> {
            x.head(200, EVENTS);
            List<byte[]> valid = FaultBench.validFrames(x.json());
            frames(x, valid.subList(0, 2));
            byte[] broken = valid.get(2).clone();
            broken[broken.length - 6] ^= 0x55; // a payload byte: the message CRC no longer matches
            x.chunk(broken);
            frames(x, valid.subList(3, valid.size()));
            x.end();
        });
        Received got = bench.send(true).isStreamCutWithError("api_error", "Faulty");
        assertThat(got.events()).doesNotContain("message_stop");
        bench.assertNothingLeft();
    }

    @Test
    void errorAnswersWithOddBodiesKeepTheirMeaning() throws Exception {
        // Not about timing: the SDK's first error takes a while to load its classes on a busy machine.
        bench.gateway.registry.put(FaultBench.target(ApiMode.BEDROCK_CONVERSE, bench.upstream.rootUrl(), Map.of())
                .withId("faulty"));
        bench.upstream.script(x -> x.whole(500, "text/html",
                "<html><head><title>500 Internal Server Error</title></head><body>oops</body></html>"));
        Received page = bench.send(true).isHttpError(500, "api_error", "HTML page: 500 Internal Server Error: oops");
        assertThat(page.body()).doesNotContain("<html");
        bench.upstream.script(x -> x.whole(429, "text/plain", "slow down", "Retry-After: 4"));
        Received limited = bench.send(false).isHttpError(429, "rate_limit_error", "slow down");
        assertThat(limited.header("retry-after")).isEqualTo("4");
        bench.upstream.script(x -> x.whole(503, null, ""));
        bench.send(true).isHttpError(529, "overloaded_error", "Faulty");
        bench.assertNothingLeft();
    }

    @Test
    void anHtmlPageWith200IsAnErrorNotAnEmptyAnswer() throws Exception {
        bench.upstream.script(x -> x.whole(200, "text/html", "<html><body>Welcome to nginx!</body></html>"));
        for (boolean stream : new boolean[] {true, false}) {
            Received got = bench.send(stream);
            assertThat(got.status()).as(got.abbreviated()).isIn(200, 502);
            if (got.status() == 200) {
                got.isStreamCutWithError("api_error", "Faulty");
            } else {
                got.isHttpError(502, "api_error", "Faulty");
            }
            bench.assertNothingLeft();
        }
    }
}
