package dev.ccbridge.core.server;

import dev.ccbridge.core.translate.common.MessageStreamBuilder;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Sends {@code ping} events on streams that have been silent for a while (a reasoning model
 * thinking), so Claude Code (whose byte watchdog gives up on a silent stream) and anything
 * between keep the connection. Translated streams ping through their builder, relayed ones
 * between two events. One timer for all streams; the pings themselves are written on virtual
 * threads so a slow client cannot stall it. Nothing is sent before an answer has started.
 */
final class Keepalive implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ccbridge-keepalive").factory());
    private final long intervalNanos;

    Keepalive(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Watches one request's answer until the returned handle is closed: the relay once it has
     * started, else the streaming sink, through the builder of the attempt answering now. The
     * timer only reads volatile state; anything that takes a stream's lock (which a write to a slow
     * client may hold) runs on the ping's own thread, one at a time per stream.
     */
    AutoCloseable watch(ClientSink sink, ResponseRelay relay, Supplier<MessageStreamBuilder> current) {
        long period = Math.max(1, intervalNanos / 2);
        var pinging = new AtomicBoolean();
        ScheduledFuture<?> task = timer.scheduleAtFixedRate(() -> {
            Runnable ping = null;
            if (relay.started()) {
                if (relay.silentFor(intervalNanos)) {
                    ping = () -> relay.pingIfIdle(intervalNanos);
                }
            } else if (sink instanceof StreamingSink streaming && streaming.idleNanos() >= intervalNanos) {
                ping = () -> {
                    MessageStreamBuilder builder = current.get();
                    if (builder != null && builder.hasStarted() && !builder.isDone()) {
                        builder.ping();
                    }
                };
            }
            if (ping != null && pinging.compareAndSet(false, true)) {
                Runnable send = ping;
                Thread.ofVirtual().name("ccbridge-ping").start(() -> {
                    try {
                        send.run();
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
