package dev.ccbridge.core.server;

import dev.ccbridge.core.translate.common.MessageStreamBuilder;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends {@code ping} events on streams that have been silent for a while (a reasoning model
 * thinking), so Claude Code and anything between keep the connection. One timer for all
 * streams; the pings themselves are written on virtual threads so a slow client cannot stall it.
 */
final class Keepalive implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ccbridge-keepalive").factory());
    private final long intervalNanos;

    Keepalive(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Watches one stream until the returned handle is closed. {@code builder} gives the attempt
     * answering now (pings go only into an answer that has started, never before its first byte).
     */
    AutoCloseable watch(StreamingSink sink, Supplier<MessageStreamBuilder> current) {
        long period = Math.max(1, intervalNanos / 2);
        ScheduledFuture<?> task = timer.scheduleAtFixedRate(() -> {
            MessageStreamBuilder builder = current.get();
            if (builder != null && sink.idleNanos() >= intervalNanos && builder.hasStarted() && !builder.isDone()) {
                Thread.ofVirtual().name("ccbridge-ping").start(() -> {
                    try {
                        builder.ping();
                    } catch (ClientGoneException ignored) {
                        // the request's own thread sees the cancellation and cleans up
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
