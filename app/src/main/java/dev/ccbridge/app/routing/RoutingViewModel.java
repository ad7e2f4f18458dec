package dev.ccbridge.app.routing;

import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.services.TargetStore;
import dev.ccbridge.core.routing.RoutingRules;
import dev.ccbridge.core.target.RoutingRule;
import dev.ccbridge.core.target.RoutingRule.Condition;
import dev.ccbridge.core.target.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Routing tab: the rules that send some requests to another target (each target's own, then
 * the global ones, as {@code ccbridge routing list} shows them), a form to add one and a way to
 * remove one. The config file is written in the background, through {@link TargetStore}.
 */
public final class RoutingViewModel {
    /** Whose rule a new one becomes: a target's own, or global (targetId null). */
    public record Scope(String targetId, String name) {
        public static final Scope GLOBAL = new Scope(null, "Every target");

        @Override
        public String toString() {
            return name;
        }
    }

    /** A row of the table. */
    public record Row(RoutingRules.Placed placed, String scope, String when, String to) {}

    /** The kinds a rule may have, in the order the form offers them. */
    public static final List<Condition> CONDITIONS = Arrays.stream(Condition.values())
            .filter(condition -> condition != Condition.UNKNOWN).toList();

    public final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.GLOBAL);
    public final ObjectProperty<Condition> when = new SimpleObjectProperty<>(Condition.HAIKU);
    public final ObjectProperty<Target> to = new SimpleObjectProperty<>();
    public final StringProperty model = new SimpleStringProperty("");
    /** For long contexts: the prompt size in tokens; empty means the model's window. */
    public final StringProperty above = new SimpleStringProperty("");

    private final TargetStore store;
    private final UiExecutor ui;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final ObservableList<Scope> scopes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;

    public RoutingViewModel(TargetStore store, UiExecutor ui) {
        this.store = store;
        this.ui = ui;
        valid = Bindings.createBooleanBinding(() -> problem().isEmpty(), when, to, above);
        store.onChange(() -> ui.post(this::refresh));
        refresh();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<Target> targets() {
        return targets;
    }

    public ObservableList<Scope> scopes() {
        return scopes;
    }

    /** What the last change did, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding validBinding() {
        return valid;
    }

    /** What keeps the form from making a rule, if anything. */
    public Optional<String> problem() {
        if (to.get() == null) {
            return Optional.of("Choose the target that answers");
        }
        String tokens = above.get() == null ? "" : above.get().strip();
        if (!tokens.isEmpty()) {
            if (when.get() != Condition.LONG_CONTEXT) {
                return Optional.of("A context size applies to long contexts only");
            }
            try {
                if (Long.parseLong(tokens) <= 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                return Optional.of("A context size is a number of tokens, like 128000");
            }
        }
        return Optional.empty();
    }

    /** Adds the form's rule at the end of its scope. */
    public void add() {
        if (problem().isPresent()) {
            return;
        }
        String tokens = above.get() == null ? "" : above.get().strip();
        var rule = new RoutingRule(when.get(), to.get().id(), model.get() == null || model.get().isBlank() ? null
                : model.get().strip(), tokens.isEmpty() ? null : Long.parseLong(tokens));
        String forTarget = scope.get() == null ? null : scope.get().targetId();
        change(() -> store.addRoutingRule(forTarget, rule), placed -> {
            model.set("");
            above.set("");
            return "Added: " + sentence(placed);
        });
    }

    public void remove(Row row) {
        RoutingRules.Placed placed = row.placed();
        change(() -> store.removeRoutingRule(placed.forTarget(), placed.number()),
                removed -> "Removed: " + sentence(removed));
    }

    /** The rules and targets as configured now (the file may have changed outside the app). */
    public void refresh() {
        List<Target> now = store.targets();
        if (!targets.equals(now)) {
            targets.setAll(now);
        }
        Scope chosen = scope.get() == null ? Scope.GLOBAL : scope.get();
        List<Scope> nowScopes = new ArrayList<>(List.of(Scope.GLOBAL));
        now.forEach(target -> nowScopes.add(new Scope(target.id(), target.displayName())));
        if (!scopes.equals(nowScopes)) {
            scopes.setAll(nowScopes);
        }
        scope.set(scopes.contains(chosen) ? chosen : Scope.GLOBAL);
        if (to.get() != null) {
            to.set(now.stream().filter(t -> t.id().equals(to.get().id())).findFirst().orElse(null));
        }
        rows.setAll(store.routingRules().stream().map(this::row).toList());
    }

    /** A kind of rule in words, for the form's choice box and the table. */
    public static String describe(Condition condition) {
        return switch (condition) {
            case HAIKU -> "Haiku tier (background work, haiku subagents)";
            case SONNET -> "Sonnet tier";
            case OPUS -> "Opus tier";
            case IMAGE -> "Images the model cannot see";
            case LONG_CONTEXT -> "Context longer than the model's window";
            case THINKING -> "Extended thinking";
            case WEB_SEARCH -> "Web search";
            case UNKNOWN -> "Unknown";
        };
    }

    private Row row(RoutingRules.Placed placed) {
        return new Row(placed, scopeName(placed.forTarget()), label(placed.rule()), targetName(placed.rule()));
    }

    /** A rule in words: "DeepSeek: Extended thinking -> OpenAI (gpt-5.5)". */
    private String sentence(RoutingRules.Placed placed) {
        Row row = row(placed);
        return row.scope() + ": " + row.when() + " -> " + row.to();
    }

    private String label(RoutingRule rule) {
        return describe(rule.when()) + (rule.above() == null ? "" : " (over " + rule.above() + " tokens)");
    }

    private String targetName(RoutingRule rule) {
        String name = store.byId(rule.to()).map(Target::displayName).orElse(rule.to() + " (missing)");
        return rule.model() == null ? name : name + " (" + rule.model() + ")";
    }

    private String scopeName(String targetId) {
        return targetId == null ? "Every target" : store.byId(targetId).map(Target::displayName).orElse(targetId);
    }

    private <T> void change(Callable<T> work, Function<T, String> outcome) {
        ui.background(work, result -> {
            refresh();
            message.set(outcome.apply(result));
        }, failure -> message.set("Not saved: " + failure.getMessage()));
    }
}
