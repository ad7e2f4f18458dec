package dev.ccbridge.app.log;

import dev.ccbridge.core.log.RequestRecord;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One table row: a request whose record is replaced in place when it ends (no list churn). */
public final class LogRow {
    private final ReadOnlyObjectWrapper<RequestRecord> record;

    public LogRow(RequestRecord record) {
        this.record = new ReadOnlyObjectWrapper<>(record);
    }

    public RequestRecord record() {
        return record.get();
    }

    public ReadOnlyObjectProperty<RequestRecord> recordProperty() {
        return record.getReadOnlyProperty();
    }

    void update(RequestRecord newer) {
        record.set(newer);
    }

    public String id() {
        return record.get().id();
    }
}
