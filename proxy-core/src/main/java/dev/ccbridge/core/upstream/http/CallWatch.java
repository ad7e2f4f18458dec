package dev.ccbridge.core.upstream.http;

import dev.ccbridge.core.target.Timeouts;
import java.util.function.Consumer;

/**
 * The time limits of one provider call: until the response headers ({@code firstByte}), while
 * waiting inside a read of the body ({@code idle}; time spent writing to a slow client does not
 * count), and in total. A limit that passes aborts the call with an {@link UpstreamTimeout}
 * naming it, so the reader can tell Claude Code exactly what happened. Checked by a shared
 * timer ({@link #check}).
 */
final class CallWatch {
    private static final long NOT_READING = Long.MIN_VALUE;

    private final Timeouts timeouts;
    private final Consumer<Throwable> abort;
    private final long startNanos = System.nanoTime();
    private volatile boolean headersArrived;
    private volatile long readingSinceNanos = NOT_READING;
    private volatile boolean over;

    CallWatch(Timeouts timeouts, Consumer<Throwable> abort) {
        this.timeouts = timeouts;
        this.abort = abort;
    }

    void headersArrived() {
        headersArrived = true;
    }

    void readStarted() {
        readingSinceNanos = System.nanoTime();
    }

    void readEnded() {
        readingSinceNanos = NOT_READING;
    }

    /** The call is finished or abandoned: nothing more to watch. */
    void end() {
        over = true;
    }

    boolean isOver() {
        return over;
    }

    /**
     * Aborts the call if a limit has passed at {@code now}.
     *
     * @return false once the watch is over (ended, or a limit passed)
     */
    boolean check(long now) {
        if (over) {
            return false;
        }
        UpstreamTimeout passed = null;
        if (!timeouts.total().isZero() && now - startNanos >= timeouts.total().toNanos()) {
            passed = new UpstreamTimeout(UpstreamTimeout.Limit.TOTAL, timeouts.total());
        } else if (!headersArrived && now - startNanos >= timeouts.firstByte().toNanos()) {
            passed = new UpstreamTimeout(UpstreamTimeout.Limit.FIRST_BYTE, timeouts.firstByte());
        } else {
            long since = readingSinceNanos;
            if (since != NOT_READING && now - since >= timeouts.idle().toNanos()) {
                passed = new UpstreamTimeout(UpstreamTimeout.Limit.IDLE, timeouts.idle());
            }
        }
        if (passed == null) {
            return true;
        }
        over = true;
        abort.accept(passed);
        return false;
    }
}
