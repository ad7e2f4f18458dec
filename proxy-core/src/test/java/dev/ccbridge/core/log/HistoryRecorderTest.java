package dev.ccbridge.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history's writer: everything the log hears ends in the history, and a backlog stays bounded. */
class HistoryRecorderTest {
    @TempDir
    Path dir;

    private RequestStore open() {
        return RequestStore.open(dir.resolve("history.db"), new RequestStore.Retention(100_000, 3650));
    }

    private static RequestRecord answered(String id) {
        return RequestRecord.started(id, Instant.now(), new RequestRecord.Routing("t", "T", "chat_completions",
                        RequestRecord.Addressed.ACTIVE, "m", "m"), false, "{\"n\":1}".getBytes(StandardCharsets.UTF_8))
                .completed(new RequestRecord.Completed(200, null, 1L, 2L, null), "{\"content\":[]}");
    }

    /** Waits until the history's writer is stuck on the store the test holds. */
    private static void awaitWriterWaiting() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean blocked = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("ccbridge-history") && t.getState() == Thread.State.BLOCKED);
            if (blocked) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the history's writer never started writing");
    }

    @Test
    void whatQueuesWhileTheDiskIsBusyIsWrittenAndRepeatsOnlyAsTheirLatestCount() {
        try (var store = open()) {
            var log = new RequestLog();
            try (var recorder = new HistoryRecorder(log, store)) {
                synchronized (store) { // the writer waits, as behind a slow disk
                    log.publish(answered("r0"));
                    awaitWriterWaiting();
                    for (int i = 1; i < 200; i++) {
                        log.publish(answered("r" + i));
                    }
                    for (int i = 0; i < 30; i++) {
                        log.publish(RequestLogTest.wrongToken("q" + i, "curl/8.5.0", Instant.now()));
                    }
                }
                recorder.flush();
            }
            List<RequestRecord> kept = store.recent(1000);
            assertThat(kept).hasSize(201);
            assertThat(kept.getLast().rejection().orElseThrow().count()).isEqualTo(30);
            long withBodies = kept.stream().filter(r -> store.bodies(r.id()).orElseThrow().request() != null).count();
            assertThat(withBodies).as("the one being written, then the first of the backlog")
                    .isEqualTo(1 + HistoryRecorder.QUEUED_WITH_BODIES);
        }
    }

    @Test
    void aBacklogTheDiskCannotFollowIsCutNotKeptInMemory() {
        try (var store = open()) {
            var log = new RequestLog(10, 0);
            try (var recorder = new HistoryRecorder(log, store)) {
                synchronized (store) {
                    log.publish(answered("r0").withoutBodies());
                    awaitWriterWaiting();
                    for (int i = 1; i < HistoryRecorder.MAX_QUEUED + 500; i++) {
                        log.publish(answered("r" + i).withoutBodies());
                    }
                }
                recorder.flush();
            }
            assertThat(store.recent(HistoryRecorder.MAX_QUEUED + 500)).as("the one being written, then the queue's")
                    .hasSize(1 + HistoryRecorder.MAX_QUEUED);
        }
    }
}
