package dev.ccbridge.app.services;

import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.log.RequestStore;
import java.util.List;
import java.util.Optional;

/** The history in the core's {@link RequestStore}. */
record StoredHistory(RequestStore store) implements History {
    @Override
    public boolean available() {
        return true;
    }

    @Override
    public List<RequestRecord> recent(int limit) {
        return store.recent(limit);
    }

    @Override
    public Optional<RequestStore.Bodies> bodies(String id) {
        return store.bodies(id);
    }

    @Override
    public void clearEntries() {
        store.clearEntries();
    }

    @Override
    public List<RequestStore.DailyUsage> usage(int days) {
        return store.usage(days);
    }
}
