package dev.ccbridge.core.exchange;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends {@code ping} events on answers that have been silent for a while (a reasoning model
 * thinking), so Claude Code (whose byte watchdog gives up on a silent stream) and anything between
 * keep the connection. One timer for all answers; the pings themselves are written on virtual
 * threads, so a slow client cannot stall it. Nothing is sent before an answer has started.
 */
public final class Keepalive implements AutoCloseable {
    /** An answer that can be pinged. */
    public interface Pingable {
        /** Whether a ping could go out now; lock-free, for the timer. */
        boolean silentFor(long nanos);

        /** Writes a ping if still silent (takes the answer's lock, which a write to a slow client may hold). */
        void pingIfSilent(long nanos);
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ccbridge-keepalive").factory());
    private final long intervalNanos;

    public Keepalive(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Watching one answer, until closed. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** Watches one answer until the returned handle is closed; at most one ping at a time per answer. */
    Watch watch(Pingable answer) {
        long period = Math.max(1, intervalNanos / 2);
        var pinging = new AtomicBoolean();
        ScheduledFuture<?> task = timer.scheduleAtFixedRate(() -> {
            if (answer.silentFor(intervalNanos) && pinging.compareAndSet(false, true)) {
                Thread.ofVirtual().name("ccbridge-ping").start(() -> {
                    try {
                        answer.pingIfSilent(intervalNanos);
                    } catch (ClientGoneException ignored) {
                        // the request's own thread sees the cancellation and cleans up
                    } finally {
                        pinging.set(false);
                    }
                });
            }
        }, period, period, TimeUnit.NANOSECONDS);
        return () -> task.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
