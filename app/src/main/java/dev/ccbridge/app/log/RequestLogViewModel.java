package dev.ccbridge.app.log;

import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.services.GatewayCalls;
import dev.ccbridge.app.services.History;
import dev.ccbridge.app.targets.ModeNames;
import dev.ccbridge.core.log.RequestJsonl;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.target.Target;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The live request log: rows newest first, bounded to {@link #capacityProperty()}, fed in
 * batches from the gateway's threads; filter, pause, clear, export; the detail of the selected
 * request (bodies redacted, pretty, capped) and replay of it to another target. The history,
 * the export file and the replay are worked in the background.
 */
public final class RequestLogViewModel {
    private final RequestLog log;
    private final History history;
    private final UiExecutor ui;
    private final BodyFormatter formatter;
    private final GatewayCalls calls;
    private final ExportFiles files;

    private final ObservableList<LogRow> rows =
            FXCollections.observableArrayList(row -> new Observable[] {row.recordProperty()});
    private final FilteredList<LogRow> visible = new FilteredList<>(rows);
    private final Map<String, LogRow> byId = new HashMap<>();
    private final List<RequestRecord> held = new ArrayList<>();
    /** Rows still holding their bodies, oldest first; older rows read theirs from the history. */
    private final java.util.ArrayDeque<LogRow> withBodies = new java.util.ArrayDeque<>();
    public static final int BODIES_KEPT = RequestLog.DEFAULT_BODIES_KEPT;

    public final StringProperty filter = new SimpleStringProperty("");
    public final BooleanProperty paused = new SimpleBooleanProperty();
    public final ObjectProperty<LogRow> selected = new SimpleObjectProperty<>();
    private final IntegerProperty capacity = new SimpleIntegerProperty();
    private final ReadOnlyIntegerWrapper heldCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper requestText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper responseText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ReplayResult> replay = new ReadOnlyObjectWrapper<>();
    private final Consumer<RequestRecord> listener;

    /** The two answers side by side; {@code replayed} null while the replay runs. */
    public record ReplayResult(Answer original, Answer replayed) {}

    public RequestLogViewModel(RequestLog log, History history, UiExecutor ui, int capacity, GatewayCalls calls,
                               ExportFiles files) {
        this.log = log;
        this.history = history;
        this.ui = ui;
        this.formatter = BodyFormatter.standard();
        this.calls = calls;
        this.files = files;
        this.capacity.set(Math.max(1, capacity));
        this.listener = ui.batching(this::apply);
        filter.addListener((obs, old, text) -> applyFilter(text));
        paused.addListener((obs, was, now) -> {
            if (!now) {
                List<RequestRecord> pending = new ArrayList<>(held);
                held.clear();
                heldCount.set(0);
                apply(pending);
            }
        });
        this.capacity.addListener((obs, old, now) -> trim());
        selected.addListener((obs, old, row) -> showDetail(row));
    }

    /** Starts following the gateway: the history's newest requests first, then live ones. */
    public void start() {
        if (history.available()) {
            ui.background(() -> history.recent(capacity.get()), stored -> {
                List<RequestRecord> older = stored.stream().filter(r -> !byId.containsKey(r.id())).toList();
                for (RequestRecord record : older) {
                    LogRow row = new LogRow(record);
                    byId.put(record.id(), row);
                    rows.add(row); // oldest of all go to the bottom
                }
                rows.sort((a, b) -> b.record().startedAt().compareTo(a.record().startedAt()));
                trim();
            }, failure -> status.set("The history could not be read: " + failure.getMessage()));
        }
        log.addListener(listener);
    }

    public void stop() {
        log.removeListener(listener);
    }

    // --- observable state ---

    public ObservableList<LogRow> rows() {
        return rows;
    }

    public FilteredList<LogRow> visibleRows() {
        return visible;
    }

    public IntegerProperty capacityProperty() {
        return capacity;
    }

    public ReadOnlyIntegerProperty heldCountProperty() {
        return heldCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestTextProperty() {
        return requestText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty responseTextProperty() {
        return responseText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The outcome of the last clear/export, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReplayResult> replayProperty() {
        return replay.getReadOnlyProperty();
    }

    // --- commands ---

    public void clear() {
        rows.clear();
        byId.clear();
        withBodies.clear();
        held.clear();
        heldCount.set(0);
        log.clear();
        if (history.available()) {
            ui.background(() -> {
                history.clearEntries();
                return true;
            }, done -> status.set("Log cleared (usage totals are kept)."), failure ->
                    status.set("The stored history could not be cleared: " + failure.getMessage()));
        } else {
            status.set("Log cleared.");
        }
    }

    /** Writes the rows that pass the filter, newest first, as JSON Lines, in the background. */
    public void export(Path file) {
        List<RequestRecord> records = visible.stream().map(LogRow::record).toList();
        status.set("Exporting " + records.size() + (records.size() == 1 ? " request" : " requests") + "\u2026");
        ui.background(() -> {
            try (Writer out = files.create(file)) {
                // the one schema the command line's `log export` writes and `log import` reads
                return new RequestJsonl(formatter.redactor()).write(
                        () -> records.stream().map(this::withBodies).iterator(), out);
            }
        }, written -> status.set("Exported " + written + (written == 1 ? " request" : " requests") + " to " + file),
                failure -> status.set("Could not write " + file + ": " + failure.getMessage()));
    }

    /** Sends the selected request again to {@code target} and compares the answers. */
    public void replaySelected(Target target) {
        LogRow row = selected.get();
        if (row == null) {
            return;
        }
        RequestRecord record = row.record();
        ui.background(() -> bodiesOf(record), bodies -> {
            if (bodies.request() == null) {
                status.set("The request body of this entry is no longer kept, so it cannot be replayed.");
                return;
            }
            RequestRecord.Completed done = record.completion().orElse(null);
            Answer original = Answer.fromBody(record.routing().targetName(), done == null ? 0 : done.status(),
                    done == null ? 0 : done.durationMillis(), LogFormat.usage(record), bodies.response());
            replay.set(new ReplayResult(original, null));
            ui.background(() -> calls.replay(bodies.request(), target),
                    answer -> replay.set(new ReplayResult(original, answer)),
                    failure -> replay.set(new ReplayResult(original, new Answer(target.displayName(), 0, 0, null, "",
                            "replay failed: " + failure.getMessage()))));
        }, failure -> status.set("Replay failed: " + failure.getMessage()));
    }

    // --- internals ---

    /** A batch from the gateway, on the FX thread. */
    void apply(List<RequestRecord> records) {
        if (paused.get()) {
            for (RequestRecord record : records) {
                held.add(record);
                if (held.size() > BODIES_KEPT) {
                    int old = held.size() - BODIES_KEPT - 1;
                    held.set(old, held.get(old).withoutBodies());
                }
            }
            while (held.size() > capacity.get() * 2) {
                held.removeFirst();
            }
            heldCount.set((int) held.stream().map(RequestRecord::id).distinct().count());
            return;
        }
        List<LogRow> added = new ArrayList<>();
        for (RequestRecord record : records) {
            LogRow row = byId.get(record.id());
            if (row != null) {
                row.update(merge(row.record(), record));
                if (row == selected.get()) {
                    showDetail(row);
                }
            } else {
                row = new LogRow(record);
                byId.put(record.id(), row);
                added.add(row);
            }
            keepBodiesBounded(row);
        }
        if (!added.isEmpty()) {
            java.util.Collections.reverse(added);
            rows.addAll(0, added);
            trim();
        }
    }

    /** A finished record without bodies (trimmed by the core log) keeps the bodies seen at its start. */
    private static RequestRecord merge(RequestRecord before, RequestRecord after) {
        if (after.requestBody() == null && before.requestBody() != null) {
            return new RequestRecord(after.id(), after.startedAt(), after.routing(), after.stream(), after.outcome(),
                    before.requestBody(), after.responseBody(), after.attempts());
        }
        return after;
    }

    private void keepBodiesBounded(LogRow row) {
        RequestRecord record = row.record();
        if (record.requestBody() == null && record.responseBody() == null || withBodies.contains(row)) {
            return;
        }
        withBodies.addLast(row);
        while (withBodies.size() > BODIES_KEPT) {
            LogRow oldest = withBodies.removeFirst();
            oldest.update(oldest.record().withoutBodies());
        }
    }

    private void trim() {
        int limit = capacity.get();
        if (rows.size() > limit) {
            List<LogRow> dropped = new ArrayList<>(rows.subList(limit, rows.size()));
            rows.remove(limit, rows.size());
            dropped.forEach(row -> byId.remove(row.id()));
            withBodies.removeAll(dropped);
        }
    }

    private void applyFilter(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        visible.setPredicate(needle.isEmpty() ? null : row -> LogFormat.searchable(row.record()).contains(needle));
    }

    private void showDetail(LogRow row) {
        if (row == null) {
            summary.set("");
            requestText.set("");
            responseText.set("");
            return;
        }
        RequestRecord record = row.record();
        summary.set(describe(record));
        ui.background(() -> {
            RequestStore.Bodies bodies = bodiesOf(record);
            return new RequestStore.Bodies(
                    bodies.request() == null ? "(the body of this request is no longer kept)"
                            : formatter.format(bodies.request()),
                    bodies.response() == null ? (record.inFlight() ? "(still running)" : "(no answer kept)")
                            : formatter.format(bodies.response()));
        }, shown -> {
            if (row == selected.get()) {
                requestText.set(shown.request());
                responseText.set(shown.response());
            }
        }, failure -> requestText.set("The body could not be read: " + failure.getMessage()));
    }

    /** The record with its bodies: kept in it, or looked up in the history. */
    private RequestRecord withBodies(RequestRecord record) {
        RequestStore.Bodies bodies = bodiesOf(record);
        return record.withBodies(bodies.request() == null ? null : bodies.request().getBytes(StandardCharsets.UTF_8),
                bodies.response());
    }

    private RequestStore.Bodies bodiesOf(RequestRecord record) {
        String request = record.requestBody() == null ? null
                : new String(record.requestBody(), StandardCharsets.UTF_8);
        String response = record.responseBody();
        if ((request == null || response == null) && history.available() && !record.inFlight()) {
            Optional<RequestStore.Bodies> stored = history.bodies(record.id());
            if (stored.isPresent()) {
                request = request != null ? request : stored.get().request();
                response = response != null ? response : stored.get().response();
            }
        }
        return new RequestStore.Bodies(request, response);
    }

    static String describe(RequestRecord r) {
        var out = new StringBuilder();
        out.append(LogFormat.time(r)).append("  ").append(LogFormat.target(r)).append("  ")
                .append(LogFormat.models(r)).append("  ").append(ModeNames.of(r.routing().apiMode())).append("  ")
                .append(r.ending().map(ended -> "HTTP " + ended.status()).orElse("running"));
        String firstToken = LogFormat.firstToken(r);
        if (!firstToken.isEmpty()) {
            out.append("  first token ").append(firstToken);
        }
        String duration = LogFormat.duration(r);
        if (!duration.isEmpty()) {
            out.append("  total ").append(duration);
        }
        if (LogFormat.usage(r) != null) {
            out.append("  tokens in/out ").append(LogFormat.tokens(r));
        }
        LogFormat.routed(r).ifPresent(routed -> out.append("\n").append(routed));
        String refusal = LogFormat.refusal(r);
        if (!refusal.isEmpty()) {
            out.append("\n").append(refusal);
        }
        String error = LogFormat.error(r);
        if (!error.isEmpty()) {
            out.append("\n").append(error);
        }
        if (r.attempts().size() > 1) {
            out.append("\nAttempts: ").append(LogFormat.attempts(r));
        }
        return out.toString();
    }
}
