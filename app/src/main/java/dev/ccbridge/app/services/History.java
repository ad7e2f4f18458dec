package dev.ccbridge.app.services;

import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.log.RequestStore;
import java.util.List;
import java.util.Optional;

/** The request history on disk (SQLite): recent requests, their bodies, usage per target and day. */
public interface History {
    /** No history (it could not be opened): empty answers, nothing kept. */
    History NONE = new History() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public List<RequestRecord> recent(int limit) {
            return List.of();
        }

        @Override
        public Optional<RequestStore.Bodies> bodies(String id) {
            return Optional.empty();
        }

        @Override
        public void clearEntries() {
        }

        @Override
        public List<RequestStore.DailyUsage> usage(int days) {
            return List.of();
        }
    };

    boolean available();

    /** The newest requests, newest first. */
    @Blocking
    List<RequestRecord> recent(int limit);

    @Blocking
    Optional<RequestStore.Bodies> bodies(String id);

    /** Forgets the stored requests; the usage totals stay. */
    @Blocking
    void clearEntries();

    @Blocking
    List<RequestStore.DailyUsage> usage(int days);

    static History of(RequestStore store) {
        return store == null ? NONE : new StoredHistory(store);
    }
}
