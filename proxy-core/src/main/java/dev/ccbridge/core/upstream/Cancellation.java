package dev.ccbridge.core.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Signals that the client went away, so upstream work for it stops at once. */
public final class Cancellation {
    private final List<Runnable> actions = new ArrayList<>();
    private final CountDownLatch cancelledLatch = new CountDownLatch(1);
    private boolean cancelled;

    /** Runs {@code action} on cancellation, or now if already cancelled. */
    public void onCancel(Runnable action) {
        boolean runNow;
        synchronized (this) {
            runNow = cancelled;
            if (!runNow) {
                actions.add(action);
            }
        }
        if (runNow) {
            action.run();
        }
    }

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(actions);
            actions.clear();
        }
        cancelledLatch.countDown();
        toRun.forEach(Runnable::run);
    }

    /**
     * Waits, e.g. before another attempt, unless cancelled meanwhile.
     *
     * @return true if cancelled (before or during the wait)
     */
    public boolean pause(Duration duration) {
        try {
            return cancelledLatch.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }
}
