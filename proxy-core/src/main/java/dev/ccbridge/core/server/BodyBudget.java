package dev.ccbridge.core.server;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many bytes of request bodies the gateway holds at once, so that large requests arriving
 * together cannot exhaust the heap: each request reserves its body's size before the body is
 * read and gives it back when its exchange ends. A request that does not fit waits, in arrival
 * order, up to {@code maxWait}, then is refused ({@link Full}: the gateway answers 529, which
 * Claude Code retries). One larger than the whole budget reserves all of it: it runs alone, as
 * soon as the requests before it have ended, and is never refused for its size alone.
 */
public final class BodyBudget {
    /**
     * Heap a running request needs per byte of its body, in the costliest mode: measured 7.5 for
     * Bedrock (the AWS SDK decodes the images and encodes them again), 4 for the HTTP modes (the
     * body, its parsed form, the upstream's body); docs/performance.md, "Memory".
     */
    public static final int HEAP_PER_BODY_BYTE = 8;
    /** Heap kept for all but request bodies: the live log, the history's queue, buffers, the parser's pools. */
    public static final long RESERVED_HEAP = 64L * 1024 * 1024;
    /** The smallest budget: room for a few ordinary requests even on a tiny heap. */
    public static final long MIN_BYTES = 4L * 1024 * 1024;
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    /** Reservations count whole KiB (a semaphore counts ints). */
    private static final int UNIT = 1024;

    private final long bytes;
    private final int units;
    private final Duration maxWait;
    /** Fair: a large request first in line is not overtaken by small ones arriving after it. */
    private final Semaphore free;

    public BodyBudget(long bytes, Duration maxWait) {
        this.bytes = Math.max(UNIT, bytes);
        this.units = (int) Math.min(Integer.MAX_VALUE, this.bytes / UNIT);
        this.maxWait = maxWait;
        this.free = new Semaphore(units, true);
    }

    /** The budget for a heap of {@code maxHeap} bytes ({@link Runtime#maxMemory()}). */
    public static long forHeap(long maxHeap) {
        return Math.max(MIN_BYTES, (maxHeap - RESERVED_HEAP) / HEAP_PER_BODY_BYTE);
    }

    /** The budget this JVM's heap allows. */
    public static long forThisHeap() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }

    public long bytes() {
        return bytes;
    }

    /** Bytes reserved by requests running now (0 when none is). */
    public long inFlight() {
        return (long) (units - free.availablePermits()) * UNIT;
    }

    /**
     * Reserves room for a body of {@code size} bytes (0 when its length is not declared: it then
     * {@linkplain Reservation#grow grows} as the body arrives), waiting for it in line.
     *
     * @throws Full when there is still no room after the longest wait
     */
    public Reservation reserve(long size) throws Full {
        int wanted = unitsFor(size);
        try {
            if (wanted > 0 && !free.tryAcquire(wanted, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Full(retryAfter());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Full(retryAfter());
        }
        return new Reservation(wanted);
    }

    private int unitsFor(long size) {
        return (int) Math.min(units, (Math.max(0, size) + UNIT - 1) / UNIT);
    }

    /** Room held by one request; {@link #close()} gives it back (more than once is harmless). */
    public final class Reservation implements AutoCloseable {
        private int held;
        private boolean closed;

        private Reservation(int held) {
            this.held = held;
        }

        /**
         * Holds room for {@code size} bytes in all (a body without a declared length, as it arrives).
         * It does not wait: the request already holds part of the budget, and two requests waiting
         * for each other's part would both stall.
         *
         * @throws Full when the budget has no room for the rest now
         */
        public synchronized void grow(long size) throws Full {
            int more = unitsFor(size) - held;
            if (more <= 0 || closed) {
                return;
            }
            if (!free.tryAcquire(more)) {
                throw new Full(retryAfter());
            }
            held += more;
        }

        /** Bytes this request holds. */
        public synchronized long bytes() {
            return (long) held * UNIT;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                free.release(held);
                held = 0;
            }
        }
    }

    /** When a refused request should come back: soon, the line having moved by then. */
    private Duration retryAfter() {
        return Duration.ofSeconds(Math.max(1, Math.min(10, maxWait.toSeconds())));
    }

    /** No room for a request's body within the longest wait. */
    public static final class Full extends Exception {
        private final transient Duration retryAfter;

        Full(Duration retryAfter) {
            super("the gateway holds as many request bodies as its memory allows", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
