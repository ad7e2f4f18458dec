package dev.ccbridge.app.usage;

import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.targets.Pricing;
import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Usage from the history: totals per target and per day over a period (requests, errors,
 * input/output/cache tokens) and the cost where the target has prices.
 */
public final class UsageViewModel {
    /** One line of a usage table; {@code day} null for a per-target total; {@code cost} empty without prices. */
    public record Line(LocalDate day, String target, long requests, long errors, long inputTokens, long outputTokens,
                       long cacheReadTokens, long cacheWriteTokens, Optional<Double> cost) {}

    public final IntegerProperty days = new SimpleIntegerProperty(30);

    private final RequestStore history;
    private final TargetRegistry registry;
    private final UiExecutor ui;
    private final ObservableList<Line> byTarget = FXCollections.observableArrayList();
    private final ObservableList<Line> byDay = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");

    public UsageViewModel(RequestStore history, TargetRegistry registry, UiExecutor ui) {
        this.history = history;
        this.registry = registry;
        this.ui = ui;
        days.addListener((obs, old, now) -> refresh());
    }

    public ObservableList<Line> byTarget() {
        return byTarget;
    }

    public ObservableList<Line> byDay() {
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
        List<Line> dayLines = new ArrayList<>();
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (RequestStore.DailyUsage row : rows) {
            Pricing pricing = pricingOf(row.targetId());
            dayLines.add(new Line(row.day(), nameOf(row), row.requests(), row.errors(), row.inputTokens(),
                    row.outputTokens(), row.cacheReadTokens(), row.cacheCreationTokens(),
                    pricing.cost(row.inputTokens(), row.outputTokens(), row.cacheReadTokens(),
                            row.cacheCreationTokens())));
            long[] sum = sums.computeIfAbsent(row.targetId(), id -> new long[6]);
            sum[0] += row.requests();
            sum[1] += row.errors();
            sum[2] += row.inputTokens();
            sum[3] += row.outputTokens();
            sum[4] += row.cacheReadTokens();
            sum[5] += row.cacheCreationTokens();
            names.put(row.targetId(), nameOf(row));
        }
        List<Line> targetLines = new ArrayList<>();
        long requests = 0;
        long errors = 0;
        double cost = 0;
        boolean anyCost = false;
        for (var entry : sums.entrySet()) {
            long[] s = entry.getValue();
            Optional<Double> targetCost = pricingOf(entry.getKey()).cost(s[2], s[3], s[4], s[5]);
            targetLines.add(new Line(null, names.get(entry.getKey()), s[0], s[1], s[2], s[3], s[4], s[5], targetCost));
            requests += s[0];
            errors += s[1];
            if (targetCost.isPresent()) {
                cost += targetCost.get();
                anyCost = true;
            }
        }
        targetLines.sort((a, b) -> Long.compare(b.requests(), a.requests()));
        dayLines.sort((a, b) -> b.day().compareTo(a.day()));
        byTarget.setAll(targetLines);
        byDay.setAll(dayLines);
        totals.set(requests + (requests == 1 ? " request" : " requests") + ", " + errors
                + (errors == 1 ? " error" : " errors") + " in the last " + days.get() + " days"
                + (anyCost ? String.format(java.util.Locale.ROOT, "; cost where prices are set: $%.2f", cost) : ""));
    }

    private Pricing pricingOf(String targetId) {
        return registry.byId(targetId).map(Pricing::of).orElse(Pricing.NONE);
    }

    private String nameOf(RequestStore.DailyUsage row) {
        return registry.byId(row.targetId()).map(Target::displayName)
                .orElse(row.targetName() == null ? row.targetId() : row.targetName());
    }
}
