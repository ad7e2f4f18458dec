package dev.ccbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UiExecutorTest {
    /** An "FX thread" the test drains by hand. */
    private final ConcurrentLinkedQueue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();

    @Test
    void aBurstFromManyThreadsReachesTheUiInAFewBatchesWithNothingLost() throws Exception {
        var timer = Executors.newSingleThreadScheduledExecutor();
        var ui = new UiExecutor(fxQueue::add, Runnable::run, timer, Duration.ofMillis(30));
        List<List<String>> batches = new ArrayList<>();
        var sink = ui.<String>batching(batches::add);
        int threads = 8;
        int perThread = 100;
        var done = new CountDownLatch(threads);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.execute(() -> {
                    for (int i = 0; i < perThread; i++) {
                        sink.accept(thread + ":" + i);
                    }
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        // The timer hands the last pending drain to the "FX thread" within its delay.
        int[] fxTasks = {0};
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            fxTasks[0] += drainFx();
            return batches.stream().mapToInt(List::size).sum() == threads * perThread;
        });
        timer.shutdownNow();

        List<String> all = batches.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(fxTasks[0]).as("FX tasks for %d events", all.size()).isLessThan(20);
        for (int t = 0; t < threads; t++) {
            String prefix = t + ":";
            List<Integer> order = all.stream().filter(s -> s.startsWith(prefix))
                    .map(s -> Integer.parseInt(s.substring(prefix.length()))).toList();
            assertThat(order).as("order of thread %d", t).isSorted();
        }
    }

    @Test
    void backgroundWorkReportsItsResultAndItsFailureOnTheUiThread() {
        var ui = new UiExecutor(fxQueue::add, Runnable::run, null, Duration.ZERO);
        List<String> seen = new ArrayList<>();
        ui.background(() -> "done", seen::add, failure -> seen.add("failed"));
        ui.background(() -> {
            throw new IllegalStateException("boom");
        }, result -> seen.add("unexpected"), failure -> seen.add("failed: " + failure.getMessage()));
        assertThat(seen).as("nothing reaches the UI before its thread runs").isEmpty();
        drainFx();
        assertThat(seen).containsExactly("done", "failed: boom");
    }

    /** Runs the queued "FX" tasks; returns how many. */
    private int drainFx() {
        int ran = 0;
        for (Runnable task; (task = fxQueue.poll()) != null; ran++) {
            task.run();
        }
        return ran;
    }
}
