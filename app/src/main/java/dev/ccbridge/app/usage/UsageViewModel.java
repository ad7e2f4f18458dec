package dev.ccbridge.app.usage;

import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.services.History;
import dev.ccbridge.app.services.TargetStore;
import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.log.UsageReport;
import dev.ccbridge.core.target.Target;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Usage from the history: totals per target (with a total line) and per day over a period
 * (requests, errors, input/output/cache tokens) and their cost, as {@link UsageReport} sums them
 * for every front end. Requests Claude Code abandoned are not errors (the history does not count
 * them as such).
 */
public final class UsageViewModel {
    public final IntegerProperty days = new SimpleIntegerProperty(30);

    private final History history;
    private final TargetStore targets;
    private final UiExecutor ui;
    private final ObservableList<UsageReport.Line> byTarget = FXCollections.observableArrayList();
    private final ObservableList<UsageReport.Line> byDay = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");

    public UsageViewModel(History history, TargetStore targets, UiExecutor ui) {
        this.history = history;
        this.targets = targets;
        this.ui = ui;
        days.addListener((obs, old, now) -> refresh());
    }

    /** One line per target, most requests first, then the total of all ({@link UsageReport.Line#total()}). */
    public ObservableList<UsageReport.Line> byTarget() {
        return byTarget;
    }

    /** One line per target and day, newest day first. */
    public ObservableList<UsageReport.Line> byDay() {
        return byDay;
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public void refresh() {
        if (!history.available()) {
            totals.set("Usage is not available: the history could not be opened.");
            return;
        }
        int period = days.get();
        ui.background(() -> history.usage(period), this::show,
                failure -> totals.set("Usage could not be read: " + failure.getMessage()));
    }

    void show(List<RequestStore.DailyUsage> rows) {
        UsageReport report = UsageReport.of(rows, this::nameOf);
        List<UsageReport.Line> targetLines = new ArrayList<>(report.targets());
        UsageReport.Line total = report.total();
        if (!targetLines.isEmpty()) {
            targetLines.add(total);
        }
        byTarget.setAll(targetLines);
        byDay.setAll(report.days().reversed());
        totals.set(total.requests() + (total.requests() == 1 ? " request" : " requests") + ", " + total.errors()
                + (total.errors() == 1 ? " error" : " errors") + " in " + period(days.get())
                + (total.costUsd() == null ? "" : "; cost " + total.costText()
                        + (total.unpriced() > 0 ? " (" + total.unpriced() + " without a known price)" : "")));
    }

    static String period(int days) {
        return days == 1 ? "today" : "the last " + days + " days";
    }

    private String nameOf(RequestStore.DailyUsage row) {
        return targets.byId(row.targetId()).map(Target::displayName)
                .orElse(row.targetName() == null ? row.targetId() : row.targetName());
    }
}
