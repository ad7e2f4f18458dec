package dev.ccbridge.core.log;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies each finished request from the live log into the SQLite history, on one background
 * thread: the request's own thread only queues it. What queued up while the writer was busy is
 * written in one transaction; updates of one entry (a refusal repeated in a flood) once, as the
 * latest. The queue is bounded: past {@value #QUEUED_WITH_BODIES} waiting requests, new ones wait
 * without their bodies, and past {@value #MAX_QUEUED} they are not kept (counted in a warning),
 * so a load the disk cannot follow never fills the memory.
 */
public final class HistoryRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);
    static final int QUEUED_WITH_BODIES = 64;
    static final int MAX_QUEUED = 10_000;

    private final RequestLog log;
    private final RequestStore store;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ccbridge-history");
        thread.setDaemon(true);
        return thread;
    });
    private final Consumer<RequestRecord> listener = this::onRecord;
    /** Finished records not yet written, by id, in arrival order; guarded by itself. */
    private final Map<String, RequestRecord> pending = new LinkedHashMap<>();
    /** Requests not kept since the last warning, the queue being full; guarded by {@link #pending}. */
    private int dropped;

    public HistoryRecorder(RequestLog log, RequestStore store) {
        this.log = log;
        this.store = store;
        log.addListener(listener);
    }

    private void onRecord(RequestRecord record) {
        if (record.inFlight()) {
            return;
        }
        boolean drainQueued;
        synchronized (pending) {
            drainQueued = !pending.isEmpty();
            if (pending.size() >= MAX_QUEUED && !pending.containsKey(record.id())) {
                dropped++;
                return;
            }
            pending.put(record.id(), pending.size() >= QUEUED_WITH_BODIES ? record.withoutBodies() : record);
        }
        if (!drainQueued) {
            writer.execute(this::drain);
        }
    }

    private void drain() {
        List<RequestRecord> batch;
        int lost;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
            lost = dropped;
            dropped = 0;
        }
        if (lost > 0) {
            LOG.warn("{} requests not kept in the history: it could not keep up", lost);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.saveAll(batch);
        } catch (RuntimeException e) {
            LOG.warn("{} requests not saved to the history: {}", batch.size(), e.getMessage());
        }
    }

    /** Waits until everything queued so far is written (tests, and before closing). */
    public void flush() {
        try {
            writer.submit(this::drain).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("history not flushed: {}", e.getMessage());
        }
    }

    /** Stops listening and writes what is still queued. */
    @Override
    public void close() {
        log.removeListener(listener);
        writer.execute(this::drain);
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
