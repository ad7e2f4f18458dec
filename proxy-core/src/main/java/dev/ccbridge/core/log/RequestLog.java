package dev.ccbridge.core.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The recent requests in arrival order, bounded in count; bodies are kept only for the newest
 * {@code bodiesKept} entries. Listeners hear every start and every end (on the request's thread:
 * they must hand off quickly, e.g. to the UI thread in batches). A refusal repeated by the same
 * client within a minute updates the earlier entry's count instead of adding one.
 */
public final class RequestLog {
    public static final int DEFAULT_CAPACITY = 1000;
    public static final int DEFAULT_BODIES_KEPT = 50;

    private final int capacity;
    private final int bodiesKept;
    private final Map<String, RequestRecord> records = new LinkedHashMap<>();
    private final ArrayDeque<String> withBodies = new ArrayDeque<>();
    private final List<Consumer<RequestRecord>> listeners = new CopyOnWriteArrayList<>();
    private final RepeatedRejections repeats = new RepeatedRejections();

    public RequestLog() {
        this(DEFAULT_CAPACITY, DEFAULT_BODIES_KEPT);
    }

    public RequestLog(int capacity, int bodiesKept) {
        this.capacity = Math.max(1, capacity);
        this.bodiesKept = Math.max(0, bodiesKept);
    }

    /**
     * Adds a record, or updates the one with the same id in place (a request ending, a refusal
     * repeated). Listeners get the record as the log keeps it.
     */
    public void publish(RequestRecord published) {
        RequestRecord record;
        synchronized (records) {
            record = repeats.fold(published);
            boolean known = records.containsKey(record.id());
            records.put(record.id(), known && !withBodies.contains(record.id()) ? record.withoutBodies() : record);
            if (!known) {
                withBodies.addLast(record.id());
                while (withBodies.size() > bodiesKept) {
                    records.computeIfPresent(withBodies.removeFirst(), (id, old) -> old.withoutBodies());
                }
                while (records.size() > capacity) {
                    String eldest = records.keySet().iterator().next();
                    records.remove(eldest);
                    withBodies.remove(eldest);
                }
            }
        }
        for (Consumer<RequestRecord> listener : listeners) {
            listener.accept(record);
        }
    }

    public List<RequestRecord> snapshot() {
        synchronized (records) {
            return new ArrayList<>(records.values());
        }
    }

    public void clear() {
        synchronized (records) {
            records.clear();
            withBodies.clear();
            repeats.clear();
        }
    }

    public void addListener(Consumer<RequestRecord> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<RequestRecord> listener) {
        listeners.remove(listener);
    }
}
