package dev.ccbridge.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.Fakes;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.core.testing.FaultyUpstream.Exchange;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retries and fallbacks, before the first byte reaches Claude Code and never after: a failed
 * connection is tried again once; provider errors only as a target's {@code retries} allow,
 * honouring {@code retry-after} up to a cap; {@code fallbacks} take over when a target is
 * unavailable, not when it refuses the request. The request log lists every attempt.
 */
class RetryAndFallbackTest {
    private static final String SSE = "text/event-stream";
    private static final String OVERLOADED = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
            + "\"message\":\"Overloaded\"},\"request_id\":\"req_upstream_1\"}";

    private FaultBench bench;
    private FakeProvider backup;

    private FaultBench bench(ApiMode mode, Map<String, String> options) {
        bench = new FaultBench(mode, options);
        return bench;
    }

    /** A second, healthy target named "backup", and the faulty one falling back to it. */
    private void withBackup(String... fallbacks) {
        backup = Fakes.start(ApiMode.CHAT_COMPLETIONS);
        bench.gateway.registry.put(FaultBench.target(ApiMode.CHAT_COMPLETIONS, backup.baseUrl(), Map.of())
                .withId("backup"));
        Target faulty = bench.gateway.registry.byId("faulty").orElseThrow();
        bench.gateway.registry.put(faulty.withFallbacks(List.of(fallbacks)));
        bench.gateway.registry.activate("faulty");
    }

    private List<String> validChat(Exchange x) {
        return bench.validAnswer(x.json());
    }

    @AfterEach
    void stop() throws Exception {
        if (bench != null) {
            bench.close();
        }
        if (backup != null) {
            backup.close();
        }
    }

    @Test
    void aConnectionBrokenBeforeAnyAnswerIsTriedOnceMore() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of());
        for (boolean stream : new boolean[] {true, false}) {
            bench.upstream.script(Exchange::reset, x -> x.head(200, SSE).chunks(validChat(x)).end());
            assertThat(bench.send(stream).text()).isEqualTo("OK");
            RequestRecord record = bench.lastRecord();
            assertThat(record.completion().orElseThrow().status()).isEqualTo(200);
            assertThat(record.attempts()).extracting(RequestRecord.Attempt::status).containsExactly(502, 200);
            bench.assertNothingLeft();
        }
    }

    @Test
    void byDefaultA429GoesStraightBackToClaudeCodeWhichRetriesItself() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of());
        bench.upstream.script(x -> x.whole(429, "application/json", "{\"error\":{\"message\":\"rate limited\"}}",
                "Retry-After: 1"), x -> x.head(200, SSE).chunks(validChat(x)).end());
        Received got = bench.send(true).isHttpError(429, "rate_limit_error", "rate limited");
        assertThat(got.header("retry-after")).isEqualTo("1");
        assertThat(bench.upstream.connections()).isEqualTo(1);
        bench.assertNothingLeft();
    }

    @Test
    void withRetriesA429IsRetriedAfterTheRetryAfterItAsked() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of("retries", "2"));
        bench.upstream.script(x -> x.whole(429, "application/json", "{\"error\":{\"message\":\"rate limited\"}}",
                "Retry-After: 1"), x -> x.head(200, SSE).chunks(validChat(x)).end());
        Received got = bench.send(true).isCompleteStream();
        assertThat(got.text()).isEqualTo("OK");
        assertThat(got.millis()).isGreaterThanOrEqualTo(1000);
        assertThat(bench.lastRecord().attempts()).extracting(RequestRecord.Attempt::status).containsExactly(429, 200);
        bench.assertNothingLeft();
    }

    @Test
    void retryAfterMsIsHonouredToo() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of("retries", "1"));
        bench.upstream.script(x -> x.whole(503, "application/json", "{\"error\":{\"message\":\"busy\"}}",
                "retry-after-ms: 400"), x -> x.head(200, SSE).chunks(validChat(x)).end());
        Received got = bench.send(false);
        assertThat(got.text()).isEqualTo("OK");
        assertThat(got.millis()).isBetween(400L, 3000L);
        bench.assertNothingLeft();
    }

    @Test
    void aRetryAfterLongerThanTheCapIsLeftToClaudeCode() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of("retries", "3", "retryMaxWaitSeconds", "5"));
        bench.upstream.script(x -> x.whole(429, "application/json", "{\"error\":{\"message\":\"wait a minute\"}}",
                "Retry-After: 60"));
        Received got = bench.send(true).isHttpError(429, "rate_limit_error", "wait a minute");
        assertThat(got.header("retry-after")).isEqualTo("60");
        assertThat(got.millis()).isLessThan(3000);
        assertThat(bench.upstream.connections()).isEqualTo(1);
        bench.assertNothingLeft();
    }

    @Test
    void aServerErrorWithoutRetryAfterIsRetriedWithBackoff() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of("retries", "1"));
        bench.upstream.script(x -> x.whole(500, "text/plain", "boom"), x -> x.head(200, SSE).chunks(validChat(x)).end());
        Received got = bench.send(true).isCompleteStream();
        assertThat(got.millis()).isGreaterThanOrEqualTo(1000);
        bench.assertNothingLeft();
    }

    @Test
    void aQuotaErrorIsNeverRetried() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of("retries", "3"));
        bench.upstream.script(x -> x.whole(429, "application/json",
                "{\"error\":{\"message\":\"You exceeded your current quota\",\"code\":\"insufficient_quota\"}}"));
        Received got = bench.send(true).isHttpError(429, "rate_limit_error", "quota");
        assertThat(got.header("x-should-retry")).isEqualTo("false");
        assertThat(bench.upstream.connections()).isEqualTo(1);
    }

    @Test
    void anUnavailableTargetFallsBackToTheNextOne() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of());
        withBackup("backup");
        bench.upstream.script(x -> x.whole(503, "text/plain", "down for maintenance"));
        for (boolean stream : new boolean[] {true, false}) {
            assertThat(bench.send(stream).text()).isEqualTo("OK");
            RequestRecord record = bench.lastRecord();
            assertThat(record.targetId()).as("the target that answered").isEqualTo("backup");
            assertThat(record.completion().orElseThrow().status()).isEqualTo(200);
            assertThat(record.attempts()).extracting(RequestRecord.Attempt::targetId).containsExactly("faulty", "backup");
            assertThat(record.attempts()).extracting(RequestRecord.Attempt::status).containsExactly(529, 200);
            bench.assertNothingLeft(1);
        }
        assertThat(backup.requests()).hasSize(2);
    }

    @Test
    void anUnreachableTargetIsRetriedOnceThenFallsBack() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of());
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        bench.gateway.registry.put(FaultBench.target(ApiMode.CHAT_COMPLETIONS, "http://127.0.0.1:" + closedPort + "/v1",
                Map.of()).withId("faulty"));
        withBackup("backup");
        assertThat(bench.send(true).isCompleteStream().text()).isEqualTo("OK");
        assertThat(bench.lastRecord().attempts()).extracting(RequestRecord.Attempt::targetId)
                .containsExactly("faulty", "faulty", "backup");
    }

    @Test
    void aSilentTargetFallsBackWithoutWaitingTwice() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of("firstByteTimeoutSeconds", "1"));
        withBackup("backup");
        bench.upstream.script(x -> x.hang());
        Received got = bench.send(true).isCompleteStream();
        assertThat(got.millis()).isBetween(900L, 3000L);
        assertThat(bench.lastRecord().attempts()).extracting(RequestRecord.Attempt::status).containsExactly(504, 200);
        bench.assertNothingLeft(1);
    }

    @Test
    void aRefusedRequestDoesNotFallBack() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of());
        withBackup("backup");
        bench.upstream.script(x -> x.whole(400, "application/json",
                "{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens\"}}"));
        bench.send(true).isHttpError(400, "invalid_request_error", "prompt is too long");
        assertThat(backup.requests()).isEmpty();
    }

    @Test
    void onceTheAnswerStartedNothingIsRetriedOrFallenBackTo() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of("retries", "3"));
        withBackup("backup");
        bench.upstream.script(x -> x.head(200, SSE).chunks(validChat(x).subList(0, 2)).reset());
        bench.send(true).isStreamCutWithError("api_error", "the connection to Faulty broke");
        assertThat(bench.upstream.connections()).isEqualTo(1);
        assertThat(backup.requests()).isEmpty();
        assertThat(bench.lastRecord().attempts()).hasSize(1);
        bench.assertNothingLeft(1);
    }

    @Test
    void fallbacksThatCannotAnswerAreSkippedAndListed() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of());
        withBackup("ghost", "faulty", "backup");
        bench.upstream.script(x -> x.whole(502, "text/plain", "bad gateway"));
        assertThat(bench.send(true).text()).isEqualTo("OK");
        assertThat(bench.lastRecord().attempts()).extracting(RequestRecord.Attempt::targetId)
                .containsExactly("faulty", "ghost", "backup");
        assertThat(bench.lastRecord().attempts().get(1).error()).contains("skipped");
    }

    @Test
    void whenEveryTargetFailsClaudeCodeGetsTheLastFailure() throws Exception {
        bench(ApiMode.CHAT_COMPLETIONS, Map.of());
        withBackup("backup");
        backup.close();
        bench.upstream.script(x -> x.whole(500, "text/plain", "boom"));
        bench.send(false).isHttpError(502, "api_error", "connection refused");
        assertThat(bench.lastRecord().targetId()).isEqualTo("backup");
        assertThat(bench.lastRecord().attempts()).extracting(RequestRecord.Attempt::targetId)
                .containsExactly("faulty", "backup", "backup");
        bench.assertNothingLeft(1);
    }

    @Test
    void aPassthroughErrorIsRetriedAndFinallyRelayedUnchanged() throws Exception {
        bench(ApiMode.ANTHROPIC_MESSAGES, Map.of("retries", "1", "retryMaxWaitSeconds", "1"));
        bench.upstream.script(x -> x.whole(529, "application/json", OVERLOADED, "retry-after: 0"));
        Received got = bench.send(true);
        assertThat(got.status()).isEqualTo(529);
        assertThat(got.body()).isEqualTo(OVERLOADED);
        assertThat(bench.upstream.connections()).isEqualTo(2);
        RequestRecord record = bench.lastRecord();
        assertThat(record.completion().orElseThrow().failure().type()).isEqualTo("overloaded_error");
        assertThat(record.attempts()).extracting(RequestRecord.Attempt::status).containsExactly(529, 529);
        bench.assertNothingLeft();
    }

    @Test
    void aPassthroughErrorFallsBackToAnotherKindOfTarget() throws Exception {
        bench(ApiMode.ANTHROPIC_MESSAGES, Map.of());
        withBackup("backup");
        bench.upstream.script(x -> x.whole(529, "application/json", OVERLOADED));
        assertThat(bench.send(true).isCompleteStream().text()).isEqualTo("OK");
        assertThat(bench.lastRecord().routing().apiMode()).isEqualTo("chat_completions");
    }
}
