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
 * thread: the request's own thread only queues it. Updates of one entry that pile up while the
 * writer is busy (a refusal repeated in a flood) are written once, as the latest.
 */
public final class HistoryRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);

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
            pending.put(record.id(), record);
        }
        if (!drainQueued) {
            writer.execute(this::drain);
        }
    }

    private void drain() {
        List<RequestRecord> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
        }
        for (RequestRecord record : batch) {
            try {
                store.save(record);
            } catch (RuntimeException e) {
                LOG.warn("request {} not saved to the history: {}", record.id(), e.getMessage());
            }
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
