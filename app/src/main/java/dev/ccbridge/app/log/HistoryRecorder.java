package dev.ccbridge.app.log;

import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.log.RequestStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies each finished request from the live log into the SQLite history, on one background
 * thread: the request's own thread only queues it.
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

    public HistoryRecorder(RequestLog log, RequestStore store) {
        this.log = log;
        this.store = store;
        log.addListener(listener);
    }

    private void onRecord(RequestRecord record) {
        if (record.inFlight()) {
            return;
        }
        writer.execute(() -> {
            try {
                store.save(record);
            } catch (RuntimeException e) {
                LOG.warn("request {} not saved to the history: {}", record.id(), e.getMessage());
            }
        });
    }

    /** Waits until everything queued so far is written (tests, and before closing). */
    public void flush() {
        try {
            writer.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("history not flushed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        log.removeListener(listener);
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
