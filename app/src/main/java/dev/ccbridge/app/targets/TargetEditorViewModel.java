package dev.ccbridge.app.targets;

import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.services.GatewayCalls;
import dev.ccbridge.app.services.TargetStore;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.pricing.Costs;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.secrets.KeyResolver;
import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.secrets.TargetReadiness;
import dev.ccbridge.core.target.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The target form: its {@link TargetFields}, whether they can be saved, unsaved changes, the key
 * (written to the {@link SecretStore} only, never to the config; the form shows only whether one
 * is stored) and "Test connection". Saving, key changes and the test run in the background.
 */
public final class TargetEditorViewModel {
    public final TargetFields fields = new TargetFields();
    /** A key typed to be stored on save; empty leaves the stored key as it is. */
    public final StringProperty newKey = new SimpleStringProperty("");

    private final TargetStore targets;
    private final SecretStore secrets;
    private final Map<String, String> env;
    private final GatewayCalls calls;
    private final UiExecutor ui;

    private final ReadOnlyObjectWrapper<Target> original = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<TargetForm> loaded = new ReadOnlyObjectWrapper<>(TargetForm.BLANK);
    private final ReadOnlyStringWrapper keyStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper keyStored = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testOk = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectBinding<TargetForm> form;
    private final StringBinding conflict;
    private final BooleanBinding dirty;
    private final BooleanBinding valid;
    private final StringBinding problem;
    private final BooleanBinding canSave;
    private final BooleanBinding canTest;
    private final ObjectBinding<ModelCapabilities> catalog;
    private final StringBinding bundledPrices;
    private Consumer<Target> onSaved = target -> { };

    public TargetEditorViewModel(TargetStore targets, SecretStore secrets, Map<String, String> env,
                                 GatewayCalls calls, UiExecutor ui) {
        this.targets = targets;
        this.secrets = secrets;
        this.env = env;
        this.calls = calls;
        this.ui = ui;
        form = Bindings.createObjectBinding(fields::form, fields.observables());
        conflict = Bindings.createStringBinding(() -> form.get().conflictWith(targets.targets(),
                original.get() == null ? null : original.get().id()).orElse(null), form, original);
        dirty = Bindings.createBooleanBinding(() -> editing.get()
                && (!form.get().equals(loaded.get()) || !newKey.get().isBlank()), form, loaded, newKey, editing);
        valid = Bindings.createBooleanBinding(() -> form.get().problems().isEmpty() && conflict.get() == null,
                form, conflict);
        problem = Bindings.createStringBinding(() -> !editing.get() ? ""
                : form.get().problems().stream().findFirst().orElse(conflict.get() == null ? "" : conflict.get()),
                form, conflict, editing);
        canSave = editing.and(dirty).and(valid).and(saving.not());
        canTest = editing.and(original.isNotNull()).and(dirty.not()).and(testing.not());
        catalog = Bindings.createObjectBinding(() -> ModelCatalog.builtIn().lookup(fields.model.get().strip()),
                fields.model);
        bundledPrices = Bindings.createStringBinding(() -> bundledPricesOf(fields.provider.get(), fields.model.get()),
                fields.provider, fields.model);
        // An old result describes a form that is gone.
        form.addListener((obs, old, now) -> {
            if (!testing.get()) {
                testResult.set("");
            }
        });
    }

    // --- state for the view ---

    public ReadOnlyObjectProperty<Target> originalProperty() {
        return original.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ObjectBinding<TargetForm> formBinding() {
        return form;
    }

    /** The first thing that keeps the form from being saved, in words ("" when nothing does). */
    public StringBinding problemBinding() {
        return problem;
    }

    public BooleanBinding dirtyBinding() {
        return dirty;
    }

    public BooleanBinding validBinding() {
        return valid;
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public BooleanBinding canTestBinding() {
        return canTest;
    }

    /** The bundled prices of the form's provider and model, under the price fields: what empty fields mean. */
    public StringBinding bundledPricesBinding() {
        return bundledPrices;
    }

    private static String bundledPricesOf(String provider, String model) {
        return Costs.builtIn().bundled(provider == null ? null : provider.strip(), model == null ? null : model.strip())
                .map(match -> "Bundled: " + match.priceFor(Usage.ZERO).describe() + " (" + match.describe()
                        + "). Empty fields use these.")
                .orElse("No bundled price for this provider and model: give input and output to see its cost.");
    }

    /** What the catalog says about the model in the Model field: what blank capability fields mean. */
    public ObjectBinding<ModelCapabilities> catalogBinding() {
        return catalog;
    }

    public ReadOnlyStringProperty keyStatusProperty() {
        return keyStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty keyStoredProperty() {
        return keyStored.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testOkProperty() {
        return testOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The outcome of the last save or key change, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public boolean isNew() {
        return editing.get() && original.get() == null;
    }

    public String title() {
        Target target = original.get();
        return target != null ? target.displayName() : fields.name.get().isBlank() ? "New target" : fields.name.get();
    }

    /** The targets this one may fall back to, in the list's order (itself and those chosen already left out). */
    public List<Target> fallbackChoices() {
        String own = original.get() == null ? null : original.get().id();
        return targets.targets().stream()
                .filter(t -> !t.id().equals(own) && !fields.fallbacks.contains(t.id()))
                .toList();
    }

    /** A fallback's name as the form shows it (an id no longer configured reads as missing). */
    public String fallbackName(String id) {
        return targets.byId(id).map(Target::displayName).orElse(id + " (missing)");
    }

    public void setOnSaved(Consumer<Target> onSaved) {
        this.onSaved = onSaved;
    }

    // --- commands ---

    /** Shows a saved target. */
    public void load(Target target) {
        original.set(target);
        fill(TargetForm.of(target));
        editing.set(true);
        testResult.set("");
        message.set("");
        refreshKeyStatus();
    }

    /** Starts a new, unsaved target from a template (a preset, a copy) or blank. */
    public void newDraft(Target template) {
        original.set(null);
        fill(template == null ? TargetForm.BLANK : TargetForm.of(template));
        loaded.set(TargetForm.BLANK);
        editing.set(true);
        testResult.set("");
        message.set("");
        keyStored.set(false);
        keyStatus.set(keyStatusFor(null, template == null ? null : template.apiKeyEnv(), false, fields.baseUrl.get()));
    }

    public void clear() {
        original.set(null);
        fill(TargetForm.BLANK);
        editing.set(false);
        testResult.set("");
        message.set("");
        keyStatus.set("");
        keyStored.set(false);
    }

    /** Drops unsaved changes. */
    public void revert() {
        Target target = original.get();
        if (target != null) {
            load(target);
        } else {
            clear();
        }
    }

    /**
     * Saves the form to the config and a typed key to the key store, in the background.
     *
     * @return completes on the UI thread with the stored target, or empty when the form is
     *         invalid or saving failed (see {@link #messageProperty})
     */
    public CompletableFuture<Optional<Target>> save() {
        if (!editing.get() || !valid.get() || saving.get()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Target base = original.get();
        Target built = form.get().toTarget(base);
        String key = newKey.get().strip();
        var done = new CompletableFuture<Optional<Target>>();
        saving.set(true);
        ui.background(() -> store(base, built, key), saved -> {
            saving.set(false);
            load(saved.target());
            message.set(saved.keyProblem() == null
                    ? "Saved." + (key.isEmpty() ? "" : " The key is in the " + secrets.name() + ".")
                    : "Saved, but the key was not stored: " + saved.keyProblem());
            onSaved.accept(saved.target());
            done.complete(Optional.of(saved.target()));
        }, failure -> {
            saving.set(false);
            message.set("Not saved: " + failure.getMessage());
            done.complete(Optional.empty());
        });
        return done;
    }

    private record Saved(Target target, String keyProblem) {}

    private Saved store(Target base, Target built, String key) {
        Target stored = base == null ? targets.add(built) : targets.replace(base.id(), built);
        if (key.isEmpty()) {
            return new Saved(stored, null);
        }
        try {
            secrets.put(stored.secretAccount(), key);
            return new Saved(stored, null);
        } catch (UnsupportedOperationException e) {
            return new Saved(stored, "the key store is read-only: " + secrets.howToStore(stored.secretAccount()));
        } catch (RuntimeException e) {
            return new Saved(stored, e.getMessage());
        }
    }

    public void removeKey() {
        Target target = original.get();
        if (target == null) {
            return;
        }
        ui.background(() -> {
            secrets.delete(target.secretAccount());
            return "The stored key was removed.";
        }, done -> {
            message.set(done);
            refreshKeyStatus();
        }, failure -> {
            message.set(failure instanceof UnsupportedOperationException
                    ? "The key store is read-only: " + secrets.howToStore(target.secretAccount())
                    : "The key was not removed: " + failure.getMessage());
            refreshKeyStatus();
        });
    }

    /** One tiny real request through the gateway to the saved target, in the background. */
    public void testConnection() {
        Target target = original.get();
        if (target == null || dirty.get() || testing.get()) {
            return;
        }
        testing.set(true);
        testOk.set(false);
        testResult.set("Testing " + target.displayName() + "\u2026");
        ui.background(() -> {
            boolean keyMissing = new KeyResolver(secrets, env).readiness(Optional.of(target))
                    instanceof TargetReadiness.MissingKey;
            return ConnectionReport.describe(calls.check(target), keyMissing);
        }, report -> {
            testing.set(false);
            testOk.set(report.ok());
            testResult.set(report.text());
        }, failure -> {
            testing.set(false);
            testOk.set(false);
            testResult.set("The test could not run: " + failure.getMessage());
        });
    }

    /** The registry changed (another target saved, the CLI edited the file): re-check conflicts. */
    public void targetsChanged() {
        conflict.invalidate();
        Target target = original.get();
        if (target != null && !dirty.get() && !saving.get()) {
            targets.byId(target.id()).filter(current -> !current.equals(target)).ifPresent(this::load);
        }
    }

    // --- internals ---

    private void fill(TargetForm values) {
        fields.fill(values);
        newKey.set("");
        loaded.set(values);
    }

    private void refreshKeyStatus() {
        Target target = original.get();
        if (target == null) {
            return;
        }
        ui.background(() -> secrets.get(target.secretAccount()).isPresent(), stored -> {
            if (target.equals(original.get())) {
                keyStored.set(stored);
                keyStatus.set(keyStatusFor(target.id(), target.apiKeyEnv(), stored, target.baseUrl()));
            }
        }, failure -> keyStatus.set("The key store could not be read: " + failure.getMessage()));
    }

    /** In the key chain's order: the stored key, then the target's variable, then CCBRIDGE_KEY_<ID>. */
    private String keyStatusFor(String id, String envName, boolean stored, String url) {
        String named = envName == null || envName.isBlank() ? null : envName.strip();
        boolean namedSet = named != null && isSet(named);
        if (stored) {
            return (secrets.persistent() ? "A key is stored in the " + secrets.name() + "."
                    : "A key is kept in memory for this session only.")
                    + (namedSet ? " It is used before $" + named + "." : "");
        }
        if (namedSet) {
            return "Uses the key in $" + named + ".";
        }
        String own = id == null ? null : KeyResolver.variableFor(id);
        if (own != null && isSet(own)) {
            return "Uses the key in $" + own + ".";
        }
        String unset = named != null ? " ($" + named + " is not set)" : "";
        return TargetReadiness.isLocal(url) ? "No key stored" + unset + "; local servers usually need none."
                : "No key stored" + unset + ".";
    }

    private boolean isSet(String variable) {
        String value = env.get(variable);
        return value != null && !value.isBlank();
    }
}
