package dev.ccbridge.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one bridge between threads: work goes to the background, results and server events come
 * back to the FX thread. Events from the gateway arrive by the hundred; {@link #batching} folds
 * them into one FX task per short interval, so a burst costs a few table updates, not hundreds.
 * Tests build it with plain executors and need no toolkit.
 */
public final class UiExecutor {
    private final Executor fx;
    private final Executor background;
    private final ScheduledExecutorService timer;
    private final Duration batchDelay;

    public UiExecutor(Executor fx, Executor background, ScheduledExecutorService timer, Duration batchDelay) {
        this.fx = fx;
        this.background = background;
        this.timer = timer;
        this.batchDelay = batchDelay;
    }

    /** The app's: the FX thread, virtual threads for work, batches at most every 50 ms. */
    public static UiExecutor javaFx() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ccbridge-ui-batch");
            thread.setDaemon(true);
            return thread;
        });
        return new UiExecutor(Platform::runLater, Executors.newVirtualThreadPerTaskExecutor(), timer,
                Duration.ofMillis(50));
    }

    /** Everything on the calling thread, batches delivered at once (view-model tests). */
    public static UiExecutor direct() {
        return new UiExecutor(Runnable::run, Runnable::run, null, Duration.ZERO);
    }

    /** Runs on the FX thread. */
    public void post(Runnable task) {
        fx.execute(task);
    }

    /** Runs {@code work} in the background and hands its result or failure to the FX thread. */
    public <T> void background(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable failure) {
                fx.execute(() -> onFailure.accept(failure));
                return;
            }
            fx.execute(() -> onResult.accept(result));
        });
    }

    /** A sink any thread may feed; {@code onFx} gets the items in arrival order, in batches, on the FX thread. */
    public <T> Consumer<T> batching(Consumer<List<T>> onFx) {
        return new Batch<>(onFx);
    }

    private final class Batch<T> implements Consumer<T> {
        private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final Consumer<List<T>> onFx;

        Batch(Consumer<List<T>> onFx) {
            this.onFx = onFx;
        }

        @Override
        public void accept(T item) {
            queue.add(item);
            if (scheduled.compareAndSet(false, true)) {
                if (timer == null || batchDelay.isZero()) {
                    fx.execute(this::drain);
                } else {
                    timer.schedule(() -> fx.execute(this::drain), batchDelay.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }

        private void drain() {
            // Cleared before draining: an item added meanwhile is either taken now or schedules the next drain.
            scheduled.set(false);
            List<T> items = new ArrayList<>();
            for (T item; (item = queue.poll()) != null; ) {
                items.add(item);
            }
            if (!items.isEmpty()) {
                onFx.accept(items);
            }
        }
    }
}
