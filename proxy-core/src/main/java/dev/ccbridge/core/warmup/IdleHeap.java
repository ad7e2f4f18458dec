package dev.ccbridge.core.warmup;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives the heap back to the system once a burst of requests is over. The serial collector
 * (the JVM options) shrinks the heap only in a full collection, which a quiet process never has:
 * after a burst of large requests the heap would stay at its peak all day. Every few seconds this
 * looks whether any collection ran since its last look (requests allocate; a quiet gateway hardly
 * does); when none did and the heap has grown well past its size after the last full collection,
 * it asks for one, and the heap shrinks to its live data plus the configured free share.
 */
public final class IdleHeap {
    private static final long LOOK_EVERY_MS = 5_000;
    /** Growth worth a full collection (tens of milliseconds when nothing is waiting for it). */
    private static final long WORTH_RETURNING = 32L << 20;
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private long collectionsAtLastLook = -1;
    /** The committed heap right after the last full collection this asked for (at first: at start). */
    private long settledHeap = Runtime.getRuntime().totalMemory();

    private IdleHeap() {
    }

    /** Starts looking, on a daemon thread, once per process (later calls do nothing). */
    public static void watchInBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        var idleHeap = new IdleHeap();
        Thread.ofPlatform().name("ccbridge-idle-heap").daemon().priority(Thread.MIN_PRIORITY).start(() -> {
            try {
                while (true) {
                    TimeUnit.MILLISECONDS.sleep(LOOK_EVERY_MS);
                    idleHeap.look();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void look() {
        long collections = collections();
        if (collections == collectionsAtLastLook
                && Runtime.getRuntime().totalMemory() > settledHeap + WORTH_RETURNING) {
            System.gc();
            settledHeap = Runtime.getRuntime().totalMemory();
            collections = collections();
        }
        collectionsAtLastLook = collections;
    }

    private static long collections() {
        long sum = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, collector.getCollectionCount());
        }
        return sum;
    }
}
