package dev.ccbridge.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.protocol.anthropic.Usage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestStoreTest {
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @TempDir
    Path dir;

    /** The requests table as the first version made it; {@code %s}: the columns a later version added. */
    private static final String FIRST_REQUESTS_TABLE = """
            CREATE TABLE requests (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
              started_at INTEGER NOT NULL, day TEXT NOT NULL, target_id TEXT, target_name TEXT, api_mode TEXT,
              route TEXT, requested_model TEXT, upstream_model TEXT, stream INTEGER NOT NULL,
              status INTEGER NOT NULL, error_type TEXT, error_message TEXT, first_token_ms INTEGER,
              duration_ms INTEGER, input_tokens INTEGER, output_tokens INTEGER, cache_creation_tokens INTEGER,
              cache_read_tokens INTEGER, request_body TEXT, response_body TEXT%s)""";

    private final MutableClock clock = new MutableClock(NOW);

    private RequestStore open(RequestStore.Retention retention) {
        return RequestStore.open(dir.resolve("history.db"), retention, Redactor.patternsOnly(), 1000, clock, ZONE);
    }

    @Test
    void recentEntriesAndUsageSurviveAReopen() {
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            store.save(priced(done("r1", NOW.minusSeconds(60), "deepseek", 200, new Usage(100, 20, 5, 30)), 0.0012));
            store.save(done("r2", NOW.minusSeconds(30), "deepseek", 429, null));
            store.save(done("r3", NOW.minusSeconds(10), "openai", 200, new Usage(10, 2, 0, 0)));
        }
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            List<RequestRecord> recent = store.recent(10);
            assertThat(recent).extracting(RequestRecord::id).containsExactly("r1", "r2", "r3");
            RequestRecord.Completed first = recent.getFirst().completion().orElseThrow();
            assertThat(first.usage()).isEqualTo(new Usage(100, 20, 5, 30));
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.durationMillis()).isEqualTo(1234L);
            assertThat(first.firstTokenMillis()).isEqualTo(321L);
            assertThat(first.costUsd()).isEqualTo(0.0012);
            RequestRecord.Completed second = recent.get(1).completion().orElseThrow();
            assertThat(second.usage()).isNull();
            assertThat(second.failure().type()).isEqualTo("rate_limit_error");
            assertThat(second.costUsd()).isNull();

            assertThat(store.usage(7)).containsExactly(
                    new RequestStore.DailyUsage(LocalDate.of(2026, 3, 10), "deepseek", "DeepSeek", 2, 1, 100, 20, 5, 30,
                            0.0012, 0),
                    // Tokens without a price: no cost, counted as unpriced.
                    new RequestStore.DailyUsage(LocalDate.of(2026, 3, 10), "openai", "OpenAI", 1, 0, 10, 2, 0, 0,
                            null, 1));
        }
    }

    @Test
    void recentReturnsTheNewestOldestFirst() {
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            for (int i = 1; i <= 5; i++) {
                store.save(done("r" + i, NOW.minusSeconds(100 - i), "deepseek", 200, null));
            }
            assertThat(store.recent(2)).extracting(RequestRecord::id).containsExactly("r4", "r5");
        }
    }

    @Test
    void theSameRequestSavedTwiceCountsOnce() {
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            RequestRecord record = done("r1", NOW, "deepseek", 200, new Usage(10, 1, 0, 0));
            store.save(record);
            store.save(record);
            assertThat(store.recent(10)).hasSize(1);
            assertThat(store.usage(1)).singleElement()
                    .satisfies(u -> assertThat(u.requests()).isEqualTo(1))
                    .satisfies(u -> assertThat(u.inputTokens()).isEqualTo(10));
        }
    }

    @Test
    void aRequestClaudeCodeAbandonedCountsAsARequestButNotAsAnError() {
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            store.save(done("r1", NOW, "deepseek", 500, null));
            store.save(done("r2", NOW, "deepseek", RequestRecord.Completed.CLIENT_CLOSED, new Usage(50, 3, 0, 0)));
            assertThat(store.usage(1)).singleElement().satisfies(u -> {
                assertThat(u.requests()).isEqualTo(2);
                assertThat(u.errors()).as("only the 500").isEqualTo(1);
                assertThat(u.inputTokens()).as("the abandoned answer's tokens were still used").isEqualTo(50);
            });
        }
    }

    @Test
    void requestsStillInFlightAreNotStored() {
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            store.save(started("r1", NOW));
            assertThat(store.recent(10)).isEmpty();
            assertThat(store.usage(1)).isEmpty();
        }
    }

    @Test
    void usageIsCountedPerLocalDay() {
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            store.save(done("a", Instant.parse("2026-03-09T23:59:00Z"), "deepseek", 200, new Usage(1, 1, 0, 0)));
            store.save(done("b", Instant.parse("2026-03-10T00:01:00Z"), "deepseek", 200, new Usage(2, 2, 0, 0)));
            assertThat(store.usage(7)).extracting(RequestStore.DailyUsage::day, RequestStore.DailyUsage::inputTokens)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 9), 1L),
                            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 10), 2L));
            assertThat(store.usage(1)).extracting(RequestStore.DailyUsage::day)
                    .containsExactly(LocalDate.of(2026, 3, 10));
        }
    }

    @Test
    void retentionKeepsAtMostTheNewestEntries() {
        try (var store = open(new RequestStore.Retention(3, 90))) {
            for (int i = 1; i <= 6; i++) {
                store.save(done("r" + i, NOW.minusSeconds(100 - i), "deepseek", 200, new Usage(1, 1, 0, 0)));
            }
            store.prune();
            assertThat(store.recent(10)).extracting(RequestRecord::id).containsExactly("r4", "r5", "r6");
            // The day's totals still count every request: pruning entries does not rewrite usage.
            assertThat(store.usage(1).getFirst().requests()).isEqualTo(6);
        }
    }

    @Test
    void retentionDropsEntriesAndUsageOlderThanTheLimitOnReopen() {
        try (var store = open(new RequestStore.Retention(100, 7))) {
            store.save(done("old", NOW.minus(Duration.ofDays(10)), "deepseek", 200, new Usage(5, 5, 0, 0)));
            store.save(done("new", NOW.minus(Duration.ofDays(1)), "deepseek", 200, new Usage(7, 7, 0, 0)));
        }
        clock.now = NOW.plus(Duration.ofDays(1));
        try (var store = open(new RequestStore.Retention(100, 7))) {
            assertThat(store.recent(10)).extracting(RequestRecord::id).containsExactly("new");
            assertThat(store.usage(365)).extracting(RequestStore.DailyUsage::inputTokens).containsExactly(7L);
        }
    }

    @Test
    void bodiesAreStoredRedactedAndCapped() {
        String key = "sk-proj-abcdefghijklmnopqrstuvwxyz";
        String request = "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"my key is "
                + key + "\"}],\"api_key\":\"hunter2-secret\"}";
        String response = "x".repeat(5000);
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            RequestRecord withBodies = started("r1", NOW, request).completed(
                    new RequestRecord.Completed(200, null, 1L, 2L, null), response);
            store.save(withBodies);
            RequestStore.Bodies bodies = store.bodies("r1").orElseThrow();
            assertThat(bodies.request()).doesNotContain(key).doesNotContain("hunter2-secret")
                    .contains(Redactor.MASK).contains("claude-sonnet-4-5");
            assertThat(bodies.response()).hasSize(1000);
            assertThat(store.bodies("missing")).isEmpty();
        }
    }

    @Test
    void bodiesInAnyScriptComeBackAsSentAndTheCapFallsBetweenCharacters() {
        String request = "{\"content\":\"ключ 鍵 🔑 é\"}";
        String response = "a" + "é".repeat(600); // 1,201 bytes: byte 1,000 is the middle of an é
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            store.save(started("r1", NOW, request).completed(
                    new RequestRecord.Completed(200, null, 1L, 2L, null), response));
            RequestStore.Bodies bodies = store.bodies("r1").orElseThrow();
            assertThat(bodies.request()).isEqualTo(request);
            assertThat(bodies.response()).isEqualTo("a" + "é".repeat(499));
        }
    }

    @Test
    void whyARequestWasRoutedIsKeptAlsoInAHistoryFromBeforeRouting() throws Exception {
        try (var old = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
             var s = old.createStatement()) {
            // The table as the first version made it, without routed_by.
            s.execute(FIRST_REQUESTS_TABLE.formatted(""));
        }
        var routing = new RequestRecord.Routing("openai", "OpenAI", "chat_completions", RequestRecord.Addressed.ACTIVE,
                "claude-sonnet-4-6", "gpt-5.5", "image -> openai (gpt-5.5)");
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            store.save(new RequestRecord("r1", NOW, routing, true, new RequestRecord.Completed(200, null, 5L, 9L, null),
                    null, null, List.of()));
            assertThat(store.recent(1)).singleElement()
                    .satisfies(r -> assertThat(r.routing().routedBy()).isEqualTo("image -> openai (gpt-5.5)"));
        }
    }

    @Test
    void aHistoryFromBeforeCostsGetsTheColumnsAndItsOldDaysCountAsUnpriced() throws Exception {
        try (var old = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
             var s = old.createStatement()) {
            // The tables as version 2 made them: no cost_usd, no unpriced.
            s.execute(FIRST_REQUESTS_TABLE.formatted(", routed_by TEXT, outcome TEXT, reason TEXT, repeats INTEGER,"
                    + " last_at INTEGER, client TEXT, endpoint TEXT"));
            s.execute("""
                    CREATE TABLE usage_daily (day TEXT NOT NULL, target_id TEXT NOT NULL, target_name TEXT,
                      requests INTEGER NOT NULL, errors INTEGER NOT NULL, input_tokens INTEGER NOT NULL,
                      output_tokens INTEGER NOT NULL, cache_creation_tokens INTEGER NOT NULL,
                      cache_read_tokens INTEGER NOT NULL, PRIMARY KEY (day, target_id))""");
            s.execute("INSERT INTO requests (id, started_at, day, target_id, stream, status, input_tokens, output_tokens,"
                    + " cache_creation_tokens, cache_read_tokens) VALUES ('old', " + NOW.minusSeconds(60).toEpochMilli()
                    + ", '2026-03-10', 'deepseek', 1, 200, 100, 10, 0, 0)");
            s.execute("INSERT INTO usage_daily VALUES ('2026-03-10', 'deepseek', 'DeepSeek', 1, 0, 100, 10, 0, 0)");
            s.execute("PRAGMA user_version=2");
        }
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            assertThat(store.recent(1).getFirst().completion().orElseThrow().costUsd()).as("not known then").isNull();
            assertThat(store.usage(1)).singleElement().satisfies(day -> {
                assertThat(day.costUsd()).isNull();
                assertThat(day.unpricedRequests()).isEqualTo(1);
            });

            store.save(priced(done("new", NOW, "deepseek", 200, new Usage(1000, 100, 0, 0)), 0.25));

            assertThat(store.recent(2)).extracting(r -> r.completion().orElseThrow().costUsd())
                    .containsExactly(null, 0.25);
            RequestStore.DailyUsage day = store.usage(1).getFirst();
            assertThat(day.requests()).isEqualTo(2);
            assertThat(day.costUsd()).isEqualTo(0.25);
            assertThat(day.unpricedRequests()).as("the old request still has no price").isEqualTo(1);
        }
        try (var check = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
             var s = check.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void clearingEntriesKeepsUsage() {
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            store.save(done("r1", NOW, "deepseek", 200, new Usage(3, 4, 0, 0)));
            store.clearEntries();
            assertThat(store.recent(10)).isEmpty();
            assertThat(store.usage(1)).extracting(RequestStore.DailyUsage::outputTokens).containsExactly(4L);
        }
    }

    @Test
    void aRefusedRequestIsKeptWithItsReasonAndItsLatestCountButIsNoUsage() {
        RequestRecord first = rejected("q1", NOW, 1, NOW);
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            store.save(done("r1", NOW.minusSeconds(5), "deepseek", 200, new Usage(10, 1, 0, 0)));
            store.save(first);
            store.save(rejected("q1", NOW, 7, NOW.plusSeconds(30)));
            // A later count that arrives first (listeners run on the requests' threads) is not undone.
            store.save(rejected("q1", NOW, 5, NOW.plusSeconds(20)));
        }
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            assertThat(store.recent(10)).extracting(RequestRecord::id).containsExactly("r1", "q1");
            RequestRecord stored = store.recent(10).getLast();
            assertThat(stored.rejection()).hasValueSatisfying(r -> {
                assertThat(r.reason()).isEqualTo(RejectionReason.WRONG_TOKEN);
                assertThat(r.status()).isEqualTo(401);
                assertThat(r.count()).isEqualTo(7);
                assertThat(r.lastAt()).isEqualTo(NOW.plusSeconds(30));
                assertThat(r.client()).isEqualTo("curl/8.5.0");
                assertThat(r.endpoint()).isEqualTo("POST /v1/messages");
                assertThat(r.failure().message()).startsWith("wrong token: set ANTHROPIC_AUTH_TOKEN");
            });
            assertThat(stored.completion()).as("not an answer").isEmpty();
            assertThat(stored.routing().hasTarget()).isFalse();
            assertThat(store.usage(1)).as("only the answered request is usage").singleElement()
                    .satisfies(u -> assertThat(u.requests()).isEqualTo(1))
                    .satisfies(u -> assertThat(u.errors()).isZero());
        }
    }

    @Test
    void aTailThenWhatWasStoredAfterIt() {
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            assertThat(store.tail(5).records()).isEmpty();
            store.save(done("r1", NOW, "deepseek", 200, null));
            store.save(done("r2", NOW, "deepseek", 200, null));
            RequestStore.Tail tail = store.tail(1);
            assertThat(tail.records()).extracting(RequestRecord::id).containsExactly("r2");
            assertThat(store.after(tail.position(), 10).records()).isEmpty();
            assertThat(store.after(store.tail(0).position(), 10).records()).as("no lines, and still the end")
                    .isEmpty();

            store.save(done("r3", NOW, "deepseek", 200, null));
            store.save(rejected("q1", NOW, 1, NOW));
            RequestStore.Tail next = store.after(tail.position(), 10);
            assertThat(next.records()).extracting(RequestRecord::id).containsExactly("r3", "q1");
            assertThat(store.after(next.position(), 10).records()).isEmpty();
        }
    }

    @Test
    void aRequestIsFoundByItsIdOrTheStartOfIt() {
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            store.save(started("req_abc1", NOW, "{\"model\":\"m\"}")
                    .completed(new RequestRecord.Completed(200, null, 1L, 2L, null), "{\"content\":[]}"));
            store.save(done("req_abc2", NOW, "deepseek", 200, null));
            store.save(done("req_abc", NOW, "deepseek", 200, null));

            assertThat(store.find("req_abc1", 2)).singleElement().satisfies(r -> {
                assertThat(new String(r.requestBody(), StandardCharsets.UTF_8)).isEqualTo("{\"model\":\"m\"}");
                assertThat(r.responseBody()).isEqualTo("{\"content\":[]}");
            });
            assertThat(store.find("req_abc", 2)).as("an exact id wins over longer ones")
                    .extracting(RequestRecord::id).containsExactly("req_abc");
            assertThat(store.find("req_ab", 2)).hasSize(2);
            assertThat(store.find("req_x", 2)).isEmpty();
            assertThat(store.find("%", 2)).as("not a pattern").isEmpty();
        }
    }

    @Test
    void theNewestRequestsWithTheirBodiesOneAtATime() {
        try (var store = open(RequestStore.Retention.DEFAULT)) {
            for (int i = 1; i <= 4; i++) {
                store.save(started("r" + i, NOW, "{\"n\":" + i + "}")
                        .completed(new RequestRecord.Completed(200, null, 1L, 2L, null), "answer " + i));
            }
            List<String> seen = new java.util.ArrayList<>();
            int count = store.forEachWithBodies(3, r -> seen.add(r.id() + " " + r.responseBody()));
            assertThat(count).isEqualTo(3);
            assertThat(seen).containsExactly("r2 answer 2", "r3 answer 3", "r4 answer 4");
            assertThat(store.forEachWithBodies(Integer.MAX_VALUE, r -> { })).isEqualTo(4);
        }
    }

    @Test
    void theAppServeAndALogCommandMayOpenANewHistoryAtTheSameMoment() throws Exception {
        for (int round = 0; round < 10; round++) {
            Path file = dir.resolve("together-" + round + ".db");
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> opened = new java.util.ArrayList<>();
            try (var threads = java.util.concurrent.Executors.newFixedThreadPool(3)) {
                for (int i = 0; i < 3; i++) {
                    int n = i;
                    opened.add(threads.submit(() -> {
                        start.await();
                        try (var store = RequestStore.open(file, RequestStore.Retention.DEFAULT)) {
                            store.save(done("r" + n, Instant.now(), "deepseek", 200, null));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (var future : opened) {
                    future.get();
                }
            }
            try (var store = RequestStore.open(file, RequestStore.Retention.DEFAULT)) {
                assertThat(store.recent(10)).hasSize(3);
            }
        }
    }

    private static RequestRecord rejected(String id, Instant at, int count, Instant lastAt) {
        return RequestRecord.rejected(id, at, RequestRecord.Routing.unrouted(RequestRecord.Addressed.ACTIVE),
                new RequestRecord.Rejected(RejectionReason.WRONG_TOKEN, 401, new RequestRecord.Failure(
                        "authentication_error", "wrong token: set ANTHROPIC_AUTH_TOKEN to the token ccbridge printed"),
                        "curl/8.5.0", "POST /v1/messages", count, lastAt));
    }

    private static RequestRecord started(String id, Instant at) {
        return started(id, at, "{}");
    }

    private static RequestRecord started(String id, Instant at, String body) {
        return RequestRecord.started(id, at, routing("deepseek"), true, body.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestRecord.Routing routing(String targetId) {
        return new RequestRecord.Routing(targetId, targetId.equals("openai") ? "OpenAI" : "DeepSeek",
                "chat_completions", RequestRecord.Addressed.ACTIVE, "claude-sonnet-4-5", "deepseek-chat");
    }

    private static RequestRecord done(String id, Instant at, String targetId, int status, Usage usage) {
        var failure = status >= 400 ? new RequestRecord.Failure("rate_limit_error", "slow down") : null;
        return new RequestRecord(id, at, routing(targetId), true,
                new RequestRecord.Completed(status, failure, 321L, 1234L, usage), null, null, List.of());
    }

    private static RequestRecord priced(RequestRecord record, double cost) {
        RequestRecord.Completed done = record.completion().orElseThrow();
        return record.completed(done.withCost(cost), record.responseBody());
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
