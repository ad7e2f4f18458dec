package dev.ccbridge.app.targets;

import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.core.secrets.KeyResolver;
import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.client.GatewayClient;
import dev.ccbridge.core.pricing.Costs;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.secrets.TargetReadiness;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The target form: its fields, whether they can be saved, unsaved changes, the key (written to
 * the {@link SecretStore} only, never to the config; the form shows only whether one is stored)
 * and "Test connection", which runs a real request through the gateway off the FX thread.
 */
public final class TargetEditorViewModel {
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(60);

    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty provider = new SimpleStringProperty("");
    public final StringProperty baseUrl = new SimpleStringProperty("");
    public final ObjectProperty<ApiMode> apiMode = new SimpleObjectProperty<>(ApiMode.CHAT_COMPLETIONS);
    public final StringProperty model = new SimpleStringProperty("");
    public final StringProperty opus = new SimpleStringProperty("");
    public final StringProperty sonnet = new SimpleStringProperty("");
    public final StringProperty haiku = new SimpleStringProperty("");
    public final StringProperty headers = new SimpleStringProperty("");
    public final StringProperty apiKeyEnv = new SimpleStringProperty("");
    public final StringProperty region = new SimpleStringProperty("");
    public final StringProperty awsProfile = new SimpleStringProperty("");
    public final StringProperty priceInput = new SimpleStringProperty("");
    public final StringProperty priceOutput = new SimpleStringProperty("");
    public final StringProperty priceCacheRead = new SimpleStringProperty("");
    public final StringProperty priceCacheWrite = new SimpleStringProperty("");
    /** A key typed to be stored on save; empty leaves the stored key as it is. */
    public final StringProperty newKey = new SimpleStringProperty("");

    private final TargetRegistry registry;
    private final SecretStore secrets;
    private final Map<String, String> env;
    private final ServerControl server;
    private final UiExecutor ui;

    private final ReadOnlyObjectWrapper<Target> original = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<TargetForm> loaded = new ReadOnlyObjectWrapper<>(TargetForm.BLANK);
    private final ReadOnlyStringWrapper keyStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper keyStored = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testOk = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectBinding<TargetForm> form;
    private final StringBinding conflict;
    private final BooleanBinding dirty;
    private final BooleanBinding valid;
    private final StringBinding problem;
    private final BooleanBinding canSave;
    private final BooleanBinding canTest;
    private final StringBinding bundledPrices;
    private Consumer<Target> onSaved = target -> { };

    public TargetEditorViewModel(TargetRegistry registry, SecretStore secrets, Map<String, String> env,
                                 ServerControl server, UiExecutor ui) {
        this.registry = registry;
        this.secrets = secrets;
        this.env = env;
        this.server = server;
        this.ui = ui;
        form = Bindings.createObjectBinding(this::currentForm, name, provider, baseUrl, apiMode, model, opus, sonnet,
                haiku, headers, apiKeyEnv, region, awsProfile, priceInput, priceOutput, priceCacheRead,
                priceCacheWrite);
        bundledPrices = Bindings.createStringBinding(() -> bundledPricesOf(provider.get(), model.get()), provider,
                model);
        conflict = Bindings.createStringBinding(() -> form.get().conflictWith(registry.targets(),
                original.get() == null ? null : original.get().id()).orElse(null), form, original);
        dirty = Bindings.createBooleanBinding(() -> editing.get()
                && (!form.get().equals(loaded.get()) || !newKey.get().isBlank()), form, loaded, newKey, editing);
        valid = Bindings.createBooleanBinding(() -> form.get().errors().isEmpty() && conflict.get() == null,
                form, conflict);
        problem = Bindings.createStringBinding(() -> !editing.get() ? ""
                : form.get().problems().stream().findFirst().orElse(conflict.get() == null ? "" : conflict.get()),
                form, conflict, editing);
        canSave = editing.and(dirty).and(valid);
        canTest = editing.and(original.isNotNull()).and(dirty.not()).and(testing.not());
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

    /** Another target with the same route, or null. */
    public StringBinding conflictBinding() {
        return conflict;
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
        return target != null ? target.displayName() : name.get().isBlank() ? "New target" : name.get();
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
        keyStatus.set(keyStatusFor(null, template == null ? null : template.apiKeyEnv(), false, baseUrl.get()));
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
     * Saves the form to the config and a typed key to the key store.
     *
     * @return the stored target, or empty when the form is invalid or saving failed (see {@link #messageProperty})
     */
    public Optional<Target> save() {
        if (!editing.get() || !valid.get()) {
            return Optional.empty();
        }
        Target base = original.get();
        Target stored;
        try {
            Target built = form.get().toTarget(base);
            stored = base == null ? registry.put(built) : registry.replace(base.id(), built);
        } catch (RuntimeException e) {
            message.set("Not saved: " + e.getMessage());
            return Optional.empty();
        }
        String key = newKey.get().strip();
        String keyProblem = null;
        if (!key.isEmpty()) {
            try {
                secrets.put(stored.secretAccount(), key);
            } catch (UnsupportedOperationException e) {
                keyProblem = "the key store is read-only: " + secrets.howToStore(stored.secretAccount());
            } catch (RuntimeException e) {
                keyProblem = e.getMessage();
            }
        }
        load(stored);
        message.set(keyProblem == null ? "Saved." + (key.isEmpty() ? "" : " The key is in the " + secrets.name() + ".")
                : "Saved, but the key was not stored: " + keyProblem);
        onSaved.accept(stored);
        return Optional.of(stored);
    }

    public void removeKey() {
        Target target = original.get();
        if (target == null) {
            return;
        }
        try {
            secrets.delete(target.secretAccount());
            message.set("The stored key was removed.");
        } catch (UnsupportedOperationException e) {
            message.set("The key store is read-only: " + secrets.howToStore(target.secretAccount()));
        } catch (RuntimeException e) {
            message.set("The key was not removed: " + e.getMessage());
        }
        refreshKeyStatus();
    }

    /** One tiny real request through the gateway to the saved target, off the FX thread. */
    public void testConnection() {
        Target target = original.get();
        if (target == null || dirty.get() || testing.get()) {
            return;
        }
        testing.set(true);
        testOk.set(false);
        testResult.set("Testing " + target.displayName() + "\u2026");
        ui.background(() -> server.throughGateway(url -> new GatewayClient(url).check(target, TEST_TIMEOUT)),
                result -> {
                    testing.set(false);
                    testOk.set(result.ok());
                    testResult.set(ConnectionReport.describe(result));
                },
                failure -> {
                    testing.set(false);
                    testOk.set(false);
                    testResult.set("The test could not run: " + failure.getMessage());
                });
    }

    /** The registry changed (another target saved, the CLI edited the file): re-check conflicts. */
    public void targetsChanged() {
        conflict.invalidate();
        Target target = original.get();
        if (target != null && !dirty.get()) {
            registry.byId(target.id()).filter(current -> !current.equals(target)).ifPresent(this::load);
        }
    }

    // --- internals ---

    private void fill(TargetForm values) {
        name.set(values.name());
        provider.set(values.provider());
        baseUrl.set(values.baseUrl());
        apiMode.set(values.apiMode());
        model.set(values.model());
        opus.set(values.opus());
        sonnet.set(values.sonnet());
        haiku.set(values.haiku());
        headers.set(values.headers());
        apiKeyEnv.set(values.apiKeyEnv());
        region.set(values.region());
        awsProfile.set(values.awsProfile());
        priceInput.set(values.priceInput());
        priceOutput.set(values.priceOutput());
        priceCacheRead.set(values.priceCacheRead());
        priceCacheWrite.set(values.priceCacheWrite());
        newKey.set("");
        loaded.set(values);
    }

    private TargetForm currentForm() {
        return new TargetForm(name.get(), provider.get(), baseUrl.get(), apiMode.get(), model.get(), opus.get(),
                sonnet.get(), haiku.get(), headers.get(), apiKeyEnv.get(), region.get(), awsProfile.get(),
                priceInput.get(), priceOutput.get(), priceCacheRead.get(), priceCacheWrite.get());
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
