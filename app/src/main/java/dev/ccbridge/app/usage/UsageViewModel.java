package dev.ccbridge.app.usage;

import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.log.UsageReport;
import dev.ccbridge.core.pricing.Usd;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Usage from the history: totals per target and per day over a period (requests, errors,
 * input/output/cache tokens) and their cost, as {@link UsageReport} sums them for every front end.
 */
public final class UsageViewModel {
    public final IntegerProperty days = new SimpleIntegerProperty(30);

    private final RequestStore history;
    private final TargetRegistry registry;
    private final UiExecutor ui;
    private final ObservableList<UsageReport.Line> byTarget = FXCollections.observableArrayList();
    private final ObservableList<UsageReport.Line> byDay = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");

    public UsageViewModel(RequestStore history, TargetRegistry registry, UiExecutor ui) {
        this.history = history;
        this.registry = registry;
        this.ui = ui;
        days.addListener((obs, old, now) -> refresh());
    }

    public ObservableList<UsageReport.Line> byTarget() {
        return byTarget;
    }

    public ObservableList<UsageReport.Line> byDay() {
        return byDay;
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public boolean available() {
        return history != null;
    }

    public void refresh() {
        if (history == null) {
            totals.set("Usage is not available: the history could not be opened.");
            return;
        }
        int period = days.get();
        ui.background(() -> history.usage(period), this::show,
                failure -> totals.set("Usage could not be read: " + failure.getMessage()));
    }

    void show(List<RequestStore.DailyUsage> rows) {
        UsageReport report = UsageReport.of(rows, this::nameOf);
        byTarget.setAll(report.targets());
        byDay.setAll(report.days().reversed());
        UsageReport.Line all = report.total();
        totals.set(all.requests() + (all.requests() == 1 ? " request" : " requests") + ", " + all.errors()
                + (all.errors() == 1 ? " error" : " errors") + " in the last " + days.get() + " days"
                + (all.costUsd() == null ? "" : "; cost " + Usd.format(all.costUsd())
                        + (all.unpriced() > 0 ? " (" + all.unpriced() + " without a known price)" : "")));
    }

    private String nameOf(RequestStore.DailyUsage row) {
        return registry.byId(row.targetId()).map(Target::displayName)
                .orElse(row.targetName() == null ? row.targetId() : row.targetName());
    }
}
