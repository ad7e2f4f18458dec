package dev.ccbridge.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.testing.FaultyUpstream.Exchange;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix for a Chat Completions provider: each misbehaviour, what Claude Code receives
 * for a streaming and a non-streaming request, and that nothing is left behind. Time limits are
 * one second, so a stall is noticed quickly.
 */
class ChatFaultsTest {
    private static final String SSE = "text/event-stream";

    private FaultBench bench;

    @BeforeEach
    void start() {
        bench = new FaultBench(ApiMode.CHAT_COMPLETIONS,
                Map.of("firstByteTimeoutSeconds", "2", "idleTimeoutSeconds", "1"));
    }

    @AfterEach
    void stop() throws Exception {
        bench.close();
    }

    /** Longer limits, for cases about size rather than time: a busy machine must not turn them into timeouts. */
    private void patient() {
        bench.gateway.registry.put(FaultBench.target(ApiMode.CHAT_COMPLETIONS, bench.upstream.baseUrl(),
                Map.of("firstByteTimeoutSeconds", "30", "idleTimeoutSeconds", "30")).withId("faulty"));
    }

    private static String text(String content) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"}}]}\n\n";
    }

    private static final String FINISH = "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: [DONE]\n\n";

    @Test
    void connectionRefusedIsA502AfterOneQuickRetry() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        bench.gateway.registry.put(FaultBench.target(ApiMode.CHAT_COMPLETIONS,
                "http://127.0.0.1:" + closedPort + "/v1", Map.of()).withId("faulty"));
        for (boolean stream : new boolean[] {true, false}) {
            Received got = bench.send(stream);
            got.isHttpError(502, "api_error", "connection refused");
            assertThat(got.body()).contains("127.0.0.1:" + closedPort);
            RequestRecord record = bench.lastRecord();
            assertThat(record.attempts()).hasSize(2).allSatisfy(a -> assertThat(a.status()).isEqualTo(502));
            bench.assertNothingLeft();
        }
    }

    @Test
    void aConnectionResetBeforeAnyAnswerIsRetriedOnceThenA502() throws Exception {
        bench.upstream.script(Exchange::reset);
        for (boolean stream : new boolean[] {true, false}) {
            bench.send(stream).isHttpError(502, "api_error", "could not reach Faulty");
            assertThat(bench.lastRecord().attempts()).hasSize(2);
            bench.assertNothingLeft();
        }
        assertThat(bench.upstream.connections()).isEqualTo(4);
    }

    @Test
    void aResetMidStreamEndsTheStreamWithAnErrorEvent() throws Exception {
        bench.upstream.script(x -> x.head(200, SSE).chunk(text("Hello")).chunk(text(", wor")).reset());
        bench.send(true).isStreamCutWithError("api_error", "the connection to Faulty broke");
        bench.assertNothingLeft();
        bench.send(false).isHttpError(502, "api_error", "the connection to Faulty broke");
        bench.assertNothingLeft();
        assertThat(bench.lastRecord().attempts()).hasSize(1);
    }

    @Test
    void aProviderSlowerThanTheFirstByteLimitIsA504AndItsCallIsAborted() throws Exception {
        bench.upstream.script(x -> x.pause(Duration.ofSeconds(20)).head(200, SSE).chunk(text("late")).end());
        for (boolean stream : new boolean[] {true, false}) {
            Received got = bench.send(stream);
            got.isHttpError(504, "api_error", "Faulty did not answer within 2 s");
            assertThat(got.millis()).isBetween(1900L, 6000L);
            bench.assertNothingLeft();
        }
        assertThat(bench.upstream.closedByCaller()).as("the gateway hung up on the slow provider").isEqualTo(2);
        assertThat(bench.upstream.connections()).as("a silent provider is not retried").isEqualTo(2);
    }

    @Test
    void aStallBetweenChunksEndsTheStreamWithAnErrorEventAfterTheIdleLimit() throws Exception {
        bench.upstream.script(x -> x.head(200, SSE).chunk(text("Hel")).hang());
        Received streamed = bench.send(true);
        streamed.isStreamCutWithError("api_error", "Faulty stopped sending data for 1 s");
        assertThat(streamed.millis()).isBetween(900L, 5000L);
        bench.assertNothingLeft();
        bench.send(false).isHttpError(504, "api_error", "Faulty stopped sending data for 1 s");
        bench.assertNothingLeft();
        assertThat(bench.upstream.closedByCaller()).isEqualTo(2);
    }

    @Test
    void aStallBeforeTheFirstChunkIsStillAnHttp504() throws Exception {
        bench.upstream.script(x -> x.head(200, SSE).hang());
        bench.send(true).isHttpError(504, "api_error", "Faulty stopped sending data for 1 s");
        bench.assertNothingLeft();
    }

    @Test
    void aStreamThatEndsWithoutItsFinishIsCutWithAnError() throws Exception {
        bench.upstream.script(x -> x.head(200, SSE).chunk(text("Hello")).end());
        bench.send(true).isStreamCutWithError("api_error", "upstream stream ended unexpectedly");
        bench.assertNothingLeft();
        bench.send(false).isHttpError(502, "api_error", "upstream stream ended unexpectedly");
        bench.assertNothingLeft();
    }

    @Test
    void aFrameCutInTheMiddleIsAnErrorNeverAShorterAnswer() throws Exception {
        bench.upstream.script(x -> x.head(200, SSE).chunk(text("Hello"))
                .chunk("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"wor").end());
        bench.send(true).isStreamCutWithError("api_error", "Faulty");
        bench.send(false).isHttpError(502, "api_error", "Faulty");
        bench.assertNothingLeft();
    }

    @Test
    void aMalformedJsonChunkEndsTheAnswerWithAnErrorInsteadOfSkippingIt() throws Exception {
        bench.upstream.script(x -> x.head(200, SSE).chunk(text("Hello")).chunk("data: {not json at all\n\n")
                .chunk(text(" world")).chunk(FINISH).end());
        Received streamed = bench.send(true);
        streamed.isStreamCutWithError("api_error", "Faulty sent malformed data");
        assertThat(streamed.body()).doesNotContain(" world");
        bench.send(false).isHttpError(502, "api_error", "Faulty sent malformed data");
        bench.assertNothingLeft();
    }

    @Test
    void invalidUtf8BecomesReplacementCharactersAndTheAnswerStaysValidUtf8() throws Exception {
        byte[] prefix = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"caf".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "!\"}}]}\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[prefix.length + 3 + suffix.length];
        System.arraycopy(prefix, 0, broken, 0, prefix.length);
        broken[prefix.length] = (byte) 0xC3;      // a lead byte...
        broken[prefix.length + 1] = (byte) 0x28;  // ...followed by no continuation
        broken[prefix.length + 2] = (byte) 0xFF;  // never valid in UTF-8
        System.arraycopy(suffix, 0, broken, prefix.length + 3, suffix.length);
        bench.upstream.script(x -> x.head(200, SSE).chunk(broken).chunk(FINISH).end());
        for (boolean stream : new boolean[] {true, false}) {
            Received got = bench.send(stream);
            if (stream) {
                got.isCompleteStream();
            } else {
                assertThat(got.status()).isEqualTo(200);
            }
            // Received.of already decoded the reply strictly: it is valid UTF-8.
            assertThat(got.text()).isEqualTo("caf\uFFFD(\uFFFD!");
            bench.assertNothingLeft();
        }
    }

    @Test
    void aHugeButValidAnswerStreamsThroughWhole() throws Exception {
        patient();
        String piece = "x".repeat(4096);
        int pieces = 3 * 1024; // 12 MiB of text
        bench.upstream.script(x -> {
            x.head(200, SSE);
            for (int i = 0; i < pieces; i++) {
                x.chunk(text(piece));
            }
            x.chunk(FINISH).end();
        });
        for (boolean stream : new boolean[] {true, false}) {
            Received got = bench.send(stream);
            assertThat(got.status()).isEqualTo(200);
            assertThat(got.text()).hasSize(piece.length() * pieces);
            bench.assertNothingLeft();
        }
        assertThat(bench.lastRecord().completion().orElseThrow().usage()).isNotNull();
    }

    @Test
    void aRunawayAnswerToANonStreamingRequestIsCutAt32MiB() throws Exception {
        patient();
        String piece = "y".repeat(16 * 1024);
        bench.upstream.script(x -> {
            x.head(200, SSE);
            for (int i = 0; i < 4096; i++) { // 64 MiB, never finished
                x.chunk(text(piece));
            }
            x.chunk(FINISH).end();
        });
        bench.send(false).isHttpError(502, "api_error", "longer than 32 Mi characters");
        bench.assertNothingLeft();
        assertThat(bench.upstream.closedByCaller()).as("the gateway stopped reading").isEqualTo(1);
    }

    @Test
    void oneEventLargerThan32MiBIsRefusedNotBuffered() throws Exception {
        patient();
        byte[] huge = new byte[33 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'z');
        bench.upstream.script(x -> {
            x.head(200, SSE).chunk("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"");
            for (int at = 0; at < huge.length; at += 1 << 20) {
                x.chunk(java.util.Arrays.copyOfRange(huge, at, at + (1 << 20)));
            }
            x.chunk("\"}}]}\n\n").chunk(FINISH).end();
        });
        bench.send(true).isHttpError(502, "api_error", "an event larger than 32 MiB");
        bench.assertNothingLeft();
    }

    @Test
    void aHugeErrorPageIsSummedUpNotRelayed() throws Exception {
        patient();
        String page = "<html><head><title>500 Internal Server Error</title></head><body>"
                + "<p>oops</p>".repeat(2 * 1024 * 1024) + "</body></html>";
        bench.upstream.script(x -> x.whole(500, "text/html", page));
        for (boolean stream : new boolean[] {true, false}) {
            Received got = bench.send(stream).isHttpError(500, "api_error", "500 Internal Server Error");
            assertThat(got.body().length()).isLessThan(8000);
            assertThat(got.body()).doesNotContain("<p>");
            bench.assertNothingLeft();
        }
    }

    @Test
    void anHtmlPageInsteadOfAStreamIsNamedForWhatItIs() throws Exception {
        bench.upstream.script(x -> x.whole(200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>"));
        for (boolean stream : new boolean[] {true, false}) {
            bench.send(stream).isHttpError(502, "api_error",
                    "Faulty answered with text/html; charset=utf-8 instead of an event stream (check the base URL)");
            bench.assertNothingLeft();
        }
    }

    @Test
    void aJsonContentTypeOverGarbageIsMalformed() throws Exception {
        bench.upstream.script(x -> x.whole(200, "application/json", "<html>not json</html>"));
        bench.send(true).isHttpError(502, "api_error", "Faulty sent malformed data");
        bench.assertNothingLeft();
    }

    @Test
    void aStreamWithoutContentTypeIsStillRead() throws Exception {
        bench.upstream.script(x -> x.head(200, null).chunks(bench.validAnswer(x.json())).end());
        assertThat(bench.send(true).isCompleteStream().text()).isEqualTo("OK");
        bench.assertNothingLeft();
    }

    @Test
    void errorAnswersWithOddBodiesKeepTheirMeaning() throws Exception {
        record Case(int status, String contentType, String body, String[] headers, int expected, String type,
                    String part) {}
        var cases = new Case[] {
                new Case(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center>"
                        + "<h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
                        new String[0], 502, "api_error", "502 Bad Gateway"),
                new Case(500, null, "", new String[0], 500, "api_error", "no details given"),
                new Case(429, "text/plain", "slow down", new String[] {"Retry-After: 7"}, 429, "rate_limit_error",
                        "slow down"),
                new Case(400, "text/plain", "bad request, sorry", new String[0], 400, "invalid_request_error",
                        "bad request, sorry"),
                new Case(401, "application/json", "", new String[0], 401, "authentication_error",
                        "rejected the API key"),
                new Case(503, "application/json", "[{\"error\":{\"message\":\"try later\"}}]", new String[0], 529,
                        "overloaded_error", "try later"),
                new Case(404, "text/html", "<html><body>Not Found</body></html>", new String[0], 404,
                        "not_found_error", "Not Found"),
                new Case(418, "application/json", "{\"weird\":true}", new String[0], 400, "invalid_request_error",
                        "(418)"),
        };
        for (Case c : cases) {
            bench.upstream.script(x -> x.whole(c.status(), c.contentType(), c.body(), c.headers()));
            for (boolean stream : new boolean[] {true, false}) {
                Received got = bench.send(stream).isHttpError(c.expected(), c.type(), c.part());
                if (c.status() == 429) {
                    assertThat(got.header("retry-after")).isEqualTo("7");
                }
                assertThat(got.body()).doesNotContain("<html", "<h1>");
                bench.assertNothingLeft();
            }
        }
    }
}
