package dev.ccbridge.app.usage;

import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.services.History;
import dev.ccbridge.app.services.TargetStore;
import dev.ccbridge.app.targets.Pricing;
import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.target.Target;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Usage from the history: totals per target (with a total line) and per day over a period
 * (requests, errors, input/output/cache tokens) and the cost where the target has prices.
 * Requests Claude Code abandoned are not errors (the history does not count them as such).
 */
public final class UsageViewModel {
    /**
     * One line of a usage table.
     *
     * @param day    null for a per-target line and the total
     * @param target null for the total of all targets
     * @param cost   empty when no target on the line has prices
     */
    public record Line(LocalDate day, String target, long requests, long errors, long inputTokens, long outputTokens,
                       long cacheReadTokens, long cacheWriteTokens, Optional<Double> cost) {

        /** A line of zeros, to add to. */
        static Line empty(String target) {
            return new Line(null, target, 0, 0, 0, 0, 0, 0, Optional.empty());
        }

        public boolean total() {
            return target == null;
        }

        /** This line's day and target, with the other's numbers added (a cost counts where either has one). */
        Line plus(Line other) {
            Optional<Double> sum = cost.isEmpty() ? other.cost
                    : other.cost.isEmpty() ? cost : Optional.of(cost.get() + other.cost.get());
            return new Line(day, target, requests + other.requests, errors + other.errors,
                    inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                    cacheReadTokens + other.cacheReadTokens, cacheWriteTokens + other.cacheWriteTokens, sum);
        }
    }

    public final IntegerProperty days = new SimpleIntegerProperty(30);

    private final History history;
    private final TargetStore targets;
    private final UiExecutor ui;
    private final ObservableList<Line> byTarget = FXCollections.observableArrayList();
    private final ObservableList<Line> byDay = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");

    public UsageViewModel(History history, TargetStore targets, UiExecutor ui) {
        this.history = history;
        this.targets = targets;
        this.ui = ui;
        days.addListener((obs, old, now) -> refresh());
    }

    /** One line per target, most requests first, then the total of all. */
    public ObservableList<Line> byTarget() {
        return byTarget;
    }

    /** One line per target and day, newest day first. */
    public ObservableList<Line> byDay() {
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
        List<Line> dayLines = new ArrayList<>();
        Map<String, Line> perTarget = new LinkedHashMap<>();
        for (RequestStore.DailyUsage row : rows) {
            Pricing pricing = pricingOf(row.targetId());
            String name = nameOf(row);
            Line line = new Line(row.day(), name, row.requests(), row.errors(), row.inputTokens(), row.outputTokens(),
                    row.cacheReadTokens(), row.cacheCreationTokens(), pricing.cost(row.inputTokens(),
                    row.outputTokens(), row.cacheReadTokens(), row.cacheCreationTokens()));
            dayLines.add(line);
            perTarget.merge(row.targetId(), Line.empty(name).plus(line), Line::plus);
        }
        List<Line> targetLines = new ArrayList<>(perTarget.values());
        targetLines.sort(Comparator.comparingLong(Line::requests).reversed());
        Line total = Line.empty(null);
        for (Line line : targetLines) {
            total = total.plus(line);
        }
        if (!targetLines.isEmpty()) {
            targetLines.add(total);
        }
        dayLines.sort(Comparator.comparing(Line::day).reversed());
        byTarget.setAll(targetLines);
        byDay.setAll(dayLines);
        totals.set(total.requests() + (total.requests() == 1 ? " request" : " requests") + ", " + total.errors()
                + (total.errors() == 1 ? " error" : " errors") + " in " + period(days.get())
                + total.cost().map(c -> String.format(Locale.ROOT, "; cost where prices are set: $%.2f", c)).orElse(""));
    }

    static String period(int days) {
        return days == 1 ? "today" : "the last " + days + " days";
    }

    private Pricing pricingOf(String targetId) {
        return targets.byId(targetId).map(Pricing::of).orElse(Pricing.NONE);
    }

    private String nameOf(RequestStore.DailyUsage row) {
        return targets.byId(row.targetId()).map(Target::displayName)
                .orElse(row.targetName() == null ? row.targetId() : row.targetName());
    }
}
