package dev.ccbridge.app.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.services.AppServices;
import dev.ccbridge.app.services.History;
import dev.ccbridge.app.testing.FakeTargets;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.TestUi;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.RequestJsonl;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.target.RoutingRule;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.fake.FakeProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RequestLogViewModelTest {
    private static final String UPSTREAM_KEY = "sk-upstream-0123456789abcdef";

    @RegisterExtension
    final TestUi ui = new TestUi();

    @TempDir
    Path dir;

    private AppContext context;
    private FakeProvider provider;

    @AfterEach
    void tearDown() {
        if (context != null) {
            context.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aRealRequestThroughTheGatewayFillsARowAndItsDetail() {
        servingOneFakeTarget();
        RequestLogViewModel vm = started(ui.guard(TestApp.services(context)));

        assertThat(TestApp.ask(context, "claude-sonnet-4-5", "my token is sk-ant-abcdefghijklmnop, hi", true)
                .statusCode()).isEqualTo(200);
        awaitRows(vm, rows -> rows.size() == 1 && !rows.getFirst().record().inFlight());

        assertThat(vm.rows()).singleElement().satisfies(row -> {
            RequestRecord r = row.record();
            assertThat(r.completion().orElseThrow().status()).isEqualTo(200);
            assertThat(LogFormat.target(r)).isEqualTo("Fake");
            assertThat(LogFormat.models(r)).isEqualTo("claude-sonnet-4-5 \u2192 fake-model");
            assertThat(LogFormat.mode(r)).isEqualTo("Chat \u00b7 stream");
            assertThat(LogFormat.tokens(r)).isEqualTo("12 / 3");
            assertThat(r.completion().orElseThrow().firstTokenMillis()).isNotNull();
        });

        ui.act(() -> vm.selected.set(vm.rows().getFirst()));
        assertThat(vm.requestTextProperty().get()).contains("\"model\" : \"claude-sonnet-4-5\"")
                .as("keys in bodies are redacted").doesNotContain("sk-ant-abcdefghijklmnop").contains("[redacted]");
        assertThat(vm.responseTextProperty().get()).contains("pong");
        assertThat(vm.summaryProperty().get()).contains("HTTP 200").contains("Fake").contains("Chat Completions");
    }

    @Test
    void aRequestCcbridgeRefusedIsARowThatSaysWhyAndCountsItsRepeats() {
        servingOneFakeTarget();
        RequestLogViewModel vm = started(ui.guard(TestApp.services(context)));

        assertThat(TestApp.ask(context, "ccb_stale_token", "claude-sonnet-4-5", "hi", false).statusCode())
                .isEqualTo(401);
        awaitRows(vm, rows -> rows.size() == 1 && !rows.getFirst().record().inFlight());
        TestApp.ask(context, "ccb_stale_token", "claude-sonnet-4-5", "hi again", false);
        awaitRows(vm, rows -> rows.size() == 1 && rows.getFirst().record().rejection()
                .map(rejected -> rejected.count() == 2).orElse(false));

        RequestRecord r = vm.rows().getFirst().record();
        assertThat(LogFormat.status(r)).isEqualTo("401");
        assertThat(LogFormat.outcome(r)).isEqualTo(LogFormat.Outcome.FAILED);
        assertThat(LogFormat.errorMessage(r)).startsWith("(2 times) wrong token").doesNotContain("ccb_stale_token");
        assertThat(LogFormat.target(r)).as("the target its URL addressed").isEqualTo("Fake");
        assertThat(LogFormat.mode(r) + LogFormat.models(r)).as("no mode or model applied").isEmpty();
        assertThat(provider.received()).as("no provider saw it").isEmpty();
        ui.act(() -> vm.selected.set(vm.rows().getFirst()));
        assertThat(vm.summaryProperty().get()).contains("HTTP 401")
                .contains("refused (wrong_token), 2 times: POST /v1/messages");
    }

    @Test
    void anOldRequestsBodiesComeFromTheHistory() {
        servingOneFakeTarget();
        TestApp.ask(context, "claude-haiku-4-5", "asked before the window opened", false);
        context.flushHistory();
        context.log().clear();

        RequestLogViewModel vm = started(ui.guard(TestApp.services(context)));
        assertThat(vm.rows()).singleElement().satisfies(row -> assertThat(row.record().requestBody()).isNull());
        ui.act(() -> vm.selected.set(vm.rows().getFirst()));

        assertThat(vm.requestTextProperty().get()).contains("asked before the window opened");
        assertThat(vm.responseTextProperty().get()).contains("pong");
    }

    @Test
    void aRequestThatFellBackShowsEachTryInItsDetail() {
        provider = FakeTargets.provider();
        try (FakeProvider down = FakeTargets.provider()) {
            FakeTargets.failing(down, 503, "overloaded, try later");
            context = TestApp.open(dir);
            Target backup = context.registry().put(FakeTargets.target(provider, "Backup", "fake-model"));
            Target primary = context.registry().put(FakeTargets.target(down, "Primary", "fake-model")
                    .withFallbacks(List.of(backup.id())));
            context.registry().activate(primary.id());
            context.secrets().put(backup.secretAccount(), UPSTREAM_KEY);
            context.secrets().put(primary.secretAccount(), UPSTREAM_KEY);
            context.server().start();
            RequestLogViewModel vm = started(ui.guard(TestApp.services(context)));

            assertThat(TestApp.ask(context, "claude-sonnet-4-5", "hi", true).statusCode()).isEqualTo(200);
            awaitRows(vm, rows -> rows.size() == 1 && !rows.getFirst().record().inFlight());
            ui.act(() -> vm.selected.set(vm.rows().getFirst()));

            assertThat(LogFormat.target(vm.rows().getFirst().record())).isEqualTo("Backup");
            assertThat(vm.summaryProperty().get()).containsPattern(
                    "Attempts: " + primary.id() + " 529 \\(.*overloaded, try later.*\\) \\d+ ms \u2192 "
                            + backup.id() + " 200 \\d+ ms");
        }
    }

    @Test
    void aRequestARoutingRuleSentElsewhereSaysWhyInItsDetail() {
        provider = FakeTargets.provider();
        try (FakeProvider other = FakeTargets.provider()) {
            context = TestApp.open(dir);
            Target main = context.registry().put(FakeTargets.target(other, "Main", "main-model"));
            Target small = context.registry().put(FakeTargets.target(provider, "Small", "small-model"));
            context.registry().activate(main.id());
            context.registry().setRouting(List.of(new RoutingRule(RoutingRule.Condition.HAIKU, small.id(),
                    "small-model", null)));
            context.secrets().put(main.secretAccount(), UPSTREAM_KEY);
            context.secrets().put(small.secretAccount(), UPSTREAM_KEY);
            context.server().start();
            RequestLogViewModel vm = started(ui.guard(TestApp.services(context)));

            assertThat(TestApp.ask(context, "claude-haiku-4-5", "a title, please", false).statusCode())
                    .isEqualTo(200);
            awaitRows(vm, rows -> rows.size() == 1 && !rows.getFirst().record().inFlight());
            ui.act(() -> vm.selected.set(vm.rows().getFirst()));

            assertThat(LogFormat.target(vm.rows().getFirst().record())).isEqualTo("Small");
            assertThat(vm.summaryProperty().get()).contains("\nrouted: haiku -> " + small.id() + " (small-model)");
            vm.filter.set("routed: haiku");
            assertThat(vm.visibleRows()).as("the filter finds it by why it was routed").hasSize(1);
        }
    }

    @Test
    void pauseHoldsNewRowsAndResumeAddsThem() {
        var log = new RequestLog();
        RequestLogViewModel vm = started(log);
        log.publish(done("r1", "DeepSeek", 200));
        ui.settle();
        ui.act(() -> vm.paused.set(true));
        log.publish(done("r2", "DeepSeek", 200));
        log.publish(done("r3", "Kimi", 500));
        ui.settle();
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.heldCountProperty().get()).isEqualTo(2);
        ui.act(() -> vm.paused.set(false));
        assertThat(vm.rows()).extracting(LogRow::id).containsExactly("r3", "r2", "r1");
        assertThat(vm.heldCountProperty().get()).isZero();
    }

    @Test
    void theFilterMatchesTargetModelStatusAndError() {
        var log = new RequestLog();
        RequestLogViewModel vm = started(log);
        log.publish(done("r1", "DeepSeek", 200));
        log.publish(done("r2", "Kimi", 429));
        ui.settle();
        vm.filter.set("kimi");
        assertThat(vm.visibleRows()).extracting(LogRow::id).containsExactly("r2");
        vm.filter.set("rate_limit");
        assertThat(vm.visibleRows()).extracting(LogRow::id).containsExactly("r2");
        vm.filter.set("200");
        assertThat(vm.visibleRows()).extracting(LogRow::id).containsExactly("r1");
        vm.filter.set("");
        assertThat(vm.visibleRows()).hasSize(2);
    }

    @Test
    void aRequestThatEndsUpdatesItsRowInPlace() {
        var log = new RequestLog();
        RequestLogViewModel vm = started(log);
        RequestRecord started = started("r1");
        log.publish(started);
        ui.settle();
        LogRow row = vm.rows().getFirst();
        assertThat(LogFormat.status(row.record())).isEqualTo("\u2026");
        vm.filter.set("500");
        assertThat(vm.visibleRows()).isEmpty();
        log.publish(started.completed(new RequestRecord.Completed(500,
                new RequestRecord.Failure("api_error", "upstream failed"), null, 40, null), "{}"));
        ui.settle();
        assertThat(vm.rows()).containsExactly(row);
        assertThat(LogFormat.status(row.record())).isEqualTo("500");
        assertThat(vm.visibleRows()).as("the filter sees the new status").containsExactly(row);
    }

    @Test
    void aBurstStaysBoundedInRowsAndInBodies() {
        // Its own UI queue, drained by hand: how many UI tasks the burst costs is the point here.
        var fx = new ConcurrentLinkedQueue<Runnable>();
        var queued = new UiExecutor(fx::add, Runnable::run, null, Duration.ZERO);
        var log = new RequestLog(2000, 50);
        var vm = new RequestLogViewModel(log, History.NONE, queued, 300, null, null);
        vm.start();
        String bigBody = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(50_000) + "\"}]}";
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 800; i++) {
                int n = i;
                pool.execute(() -> log.publish(record("r" + n, routing("t", "T", "m", "m"), true,
                        new RequestRecord.Completed(200, null, 5L, 9L, new Usage(1, 1, 0, 0)), bigBody, "{}")));
            }
        }
        int fxTasks = fx.size();
        for (Runnable task; (task = fx.poll()) != null; ) {
            task.run();
        }
        assertThat(fxTasks).as("FX tasks for 800 requests").isLessThan(800);
        assertThat(vm.rows()).hasSize(300);
        long withBodies = vm.rows().stream().filter(r -> r.record().requestBody() != null).count();
        assertThat(withBodies).isLessThanOrEqualTo(RequestLogViewModel.BODIES_KEPT);
    }

    @Test
    void exportWritesTheVisibleRowsAsRedactedJsonLinesInTheBackground() throws Exception {
        var log = new RequestLog();
        RequestLogViewModel vm = started(log);
        String body = "{\"model\":\"claude-haiku-4-5\",\"metadata\":{\"api_key\":\"hunter2-secret\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"use sk-proj-abcdefghijklmnopqrstuv\"}]}";
        log.publish(new RequestRecord("r1", Instant.parse("2026-03-01T10:00:00Z"),
                routing("ds", "DeepSeek", "claude-haiku-4-5", "deepseek-chat"), false,
                new RequestRecord.Completed(200, null, 100L, 250L, new Usage(10, 2, 0, 5)),
                body.getBytes(StandardCharsets.UTF_8),
                "{\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}", null));
        log.publish(done("r2", "Kimi", 429));
        ui.settle();
        vm.filter.set("deepseek");
        Path file = dir.resolve("out.jsonl");

        ui.act(() -> vm.export(file));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1);
        JsonNode line = Json.WIRE.readTree(lines.getFirst());
        assertThat(line.path("target").asText()).isEqualTo("ds");
        assertThat(line.path("targetName").asText()).isEqualTo("DeepSeek");
        assertThat(line.path("status").asInt()).isEqualTo(200);
        assertThat(line.path("usage").path("cache_read_input_tokens").asLong()).isEqualTo(5);
        assertThat(line.path("request").path("model").asText()).isEqualTo("claude-haiku-4-5");
        assertThat(lines.getFirst()).doesNotContain("hunter2-secret").doesNotContain("sk-proj-abcdefghijklmnopqrstuv");
        assertThat(line.path("response").path("content").get(0).path("text").asText()).isEqualTo("hi");
        RequestRecord back = RequestJsonl.read(lines.getFirst());
        assertThat(back.completion().orElseThrow().usage()).as("the command line's `log import` reads it back")
                .isEqualTo(new Usage(10, 2, 0, 5));
        assertThat(vm.statusProperty().get()).isEqualTo("Exported 1 request to " + file);
    }

    @Test
    void anExportThatCannotBeWrittenSaysWhy() {
        var log = new RequestLog();
        RequestLogViewModel vm = started(log);
        log.publish(done("r1", "Kimi", 429));
        ui.settle();
        Path file = dir.resolve("no-such-dir").resolve("out.jsonl");
        ui.act(() -> vm.export(file));
        assertThat(vm.statusProperty().get()).startsWith("Could not write " + file + ": ");
    }

    @Test
    void clearEmptiesTheLogAndTheStoredEntriesButKeepsUsage() {
        servingOneFakeTarget();
        TestApp.ask(context, "claude-sonnet-4-5", "hi", false);
        context.flushHistory();
        RequestLogViewModel vm = started(ui.guard(TestApp.services(context)));
        assertThat(vm.rows()).as("the history's entries are shown at start").hasSize(1);

        ui.act(vm::clear);

        assertThat(vm.rows()).isEmpty();
        assertThat(context.history().orElseThrow().recent(10)).isEmpty();
        assertThat(context.history().orElseThrow().usage(1)).hasSize(1);
        assertThat(vm.statusProperty().get()).isEqualTo("Log cleared (usage totals are kept).");
    }

    @Test
    void replaySendsTheRequestToAnotherTargetAndShowsBothAnswers() {
        provider = FakeTargets.provider();
        try (var other = FakeTargets.provider()) {
            FakeTargets.answering(other, "a different answer", 30, 7);
            context = TestApp.open(dir);
            Target first = context.registry().put(FakeTargets.target(provider, "First", "model-a"));
            Target second = context.registry().put(FakeTargets.target(other, "Second", "model-b"));
            context.secrets().put(first.secretAccount(), UPSTREAM_KEY);
            context.secrets().put(second.secretAccount(), UPSTREAM_KEY);
            context.registry().activate(first.id());
            context.server().start();
            RequestLogViewModel vm = started(ui.guard(TestApp.services(context)));
            TestApp.ask(context, "claude-sonnet-4-5", "compare me", true);
            awaitRows(vm, rows -> rows.size() == 1 && !rows.getFirst().record().inFlight());
            ui.act(() -> vm.selected.set(vm.rows().getFirst()));

            ui.act(() -> vm.replaySelected(second));

            RequestLogViewModel.ReplayResult result = vm.replayProperty().get();
            assertThat(result.original().targetName()).isEqualTo("First");
            assertThat(result.original().text()).isEqualTo("pong");
            assertThat(result.replayed().targetName()).isEqualTo("Second");
            assertThat(result.replayed().status()).isEqualTo(200);
            assertThat(result.replayed().text()).isEqualTo("a different answer");
            assertThat(result.replayed().usage().inputTokens()).isEqualTo(30);
            assertThat(other.received()).singleElement().satisfies(r ->
                    assertThat(r.text()).contains("compare me").contains("model-b"));
        }
    }

    /** The app, serving, with one target at a fake provider that answers "pong". */
    private void servingOneFakeTarget() {
        provider = FakeTargets.provider();
        context = TestApp.open(dir);
        Target target = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        context.secrets().put(target.secretAccount(), UPSTREAM_KEY);
        context.server().start();
    }

    /** A view model over the app's services, following the gateway (history first). */
    private RequestLogViewModel started(AppServices services) {
        var vm = ui.call(() -> new RequestLogViewModel(services.log(), services.history(), ui.executor(), 100,
                services.calls(), services.exportFiles()));
        ui.act(vm::start);
        return vm;
    }

    /** A view model over a bare log: no history, no gateway calls, exports to disk. */
    private RequestLogViewModel started(RequestLog log) {
        var vm = ui.call(() -> new RequestLogViewModel(log, History.NONE, ui.executor(), 100, null,
                ui.guard().guard(ExportFiles.class, ExportFiles.onDisk())));
        ui.act(vm::start);
        return vm;
    }

    private void awaitRows(RequestLogViewModel vm, Predicate<List<LogRow>> condition) {
        await("the rows").atMost(Duration.ofSeconds(20))
                .until(() -> ui.call(() -> condition.test(List.copyOf(vm.rows()))));
        ui.settle();
    }

    private static RequestRecord started(String id) {
        return RequestRecord.started(id, Instant.now(), routing("ds", "DeepSeek", "claude-sonnet-4-5", "deepseek-chat"),
                true, null);
    }

    private static RequestRecord done(String id, String target, int status) {
        var failure = status >= 400 ? new RequestRecord.Failure("rate_limit_error", "slow down") : null;
        return record(id, routing(target.toLowerCase(), target, "claude-sonnet-4-5", target.toLowerCase() + "-chat"),
                true, new RequestRecord.Completed(status, failure, 50L, 90L, new Usage(10, 2, 0, 0)), null, null);
    }

    private static RequestRecord.Routing routing(String id, String name, String requested, String upstream) {
        return new RequestRecord.Routing(id, name, "chat_completions", RequestRecord.Addressed.ACTIVE, requested,
                upstream);
    }

    private static RequestRecord record(String id, RequestRecord.Routing routing, boolean stream,
                                        RequestRecord.Completed done, String request, String response) {
        return new RequestRecord(id, Instant.now(), routing, stream, done,
                request == null ? null : request.getBytes(StandardCharsets.UTF_8), response, null);
    }
}
