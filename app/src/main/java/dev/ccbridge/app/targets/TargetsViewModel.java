package dev.ccbridge.app.targets;

import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.services.GatewayCalls;
import dev.ccbridge.app.services.TargetStore;
import dev.ccbridge.core.secrets.KeyResolver;
import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.secrets.TargetReadiness;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.ProviderPreset;
import dev.ccbridge.core.target.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The target list: what is configured, which one is active, which have a key; add (preset,
 * blank, copy), delete, reorder, activate (each written in the background). Edits go through
 * the {@link TargetEditorViewModel}.
 */
public final class TargetsViewModel {
    /** What the list shows under a target's name. */
    public record TargetState(boolean active, boolean hasKey, boolean modeAvailable, String summary) {}

    private final TargetStore store;
    private final SecretStore secrets;
    private final KeyResolver keys;
    private final Set<ApiMode> servedModes;
    private final UiExecutor ui;
    private final PresetCatalog presets;
    private final TargetEditorViewModel editor;
    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final ObservableMap<String, TargetState> states = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper activeId = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public TargetsViewModel(TargetStore store, SecretStore secrets, Map<String, String> env, Set<ApiMode> servedModes,
                            GatewayCalls calls, UiExecutor ui, PresetCatalog presets) {
        this.store = store;
        this.secrets = secrets;
        this.keys = new KeyResolver(secrets, env);
        this.servedModes = Set.copyOf(servedModes);
        this.ui = ui;
        this.presets = presets;
        this.editor = new TargetEditorViewModel(store, secrets, env, calls, ui);
        editor.setOnSaved(saved -> refresh());
        store.onChange(() -> ui.post(this::refresh));
        refresh();
    }

    public ObservableList<Target> targets() {
        return targets;
    }

    public ObservableMap<String, TargetState> states() {
        return states;
    }

    public ReadOnlyStringProperty activeIdProperty() {
        return activeId.getReadOnlyProperty();
    }

    /** What went wrong with the last delete, move or activate ("" when nothing did). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public TargetEditorViewModel editor() {
        return editor;
    }

    public List<ProviderPreset> presets() {
        return presets.presets();
    }

    /** The providers the presets know, for the editor's Provider box (any other name may be typed). */
    public List<String> providers() {
        return presets.presets().stream().map(ProviderPreset::provider).distinct().sorted().toList();
    }

    public boolean served(ApiMode mode) {
        return servedModes.contains(mode);
    }

    /** Shows a target in the editor (the view asks about unsaved changes first). */
    public void select(Target target) {
        if (target == null) {
            editor.clear();
        } else {
            editor.load(target);
        }
    }

    public void addFromPreset(ProviderPreset preset) {
        editor.newDraft(preset.toTarget());
    }

    public void addBlank() {
        editor.newDraft(null);
    }

    /** A copy to edit: it must then differ in provider, model, mode or base URL to be saved. */
    public void duplicate(Target target) {
        Target copy = target.toBuilder().id(null).token(null).name(target.displayName() + " (copy)").build();
        editor.newDraft(copy);
    }

    /** Removes the target and its stored key. */
    public void delete(Target target) {
        change(() -> {
            store.remove(target.id());
            try {
                secrets.delete(target.secretAccount());
            } catch (UnsupportedOperationException e) {
                // read-only store: nothing of ours to remove
            }
            return null;
        }, () -> {
            if (editor.originalProperty().get() != null && editor.originalProperty().get().id().equals(target.id())) {
                editor.clear();
            }
        });
    }

    public void moveUp(Target target) {
        move(target, -1);
    }

    public void moveDown(Target target) {
        move(target, +1);
    }

    private void move(Target target, int by) {
        int at = indexOf(target.id());
        if (at < 0 || at + by < 0 || at + by >= targets.size()) {
            return;
        }
        change(() -> {
            store.move(target.id(), at + by);
            return null;
        }, () -> { });
    }

    public void activate(Target target) {
        change(() -> {
            store.activate(target.id());
            return null;
        }, () -> { });
    }

    public Optional<Target> byId(String id) {
        return store.byId(id);
    }

    /** Rebuilds the list from the store (on the FX thread); the key states follow from the background. */
    public void refresh() {
        List<Target> current = store.targets();
        if (!current.equals(targets)) {
            targets.setAll(current);
        }
        activeId.set(store.activeId());
        editor.targetsChanged();
        String active = store.activeId();
        ui.background(() -> computeStates(current, active), computed -> {
            states.keySet().retainAll(computed.keySet());
            states.putAll(computed);
        }, failure -> { });
    }

    /** Writes a change in the background, then shows the list as it is now. */
    private void change(Callable<Void> write, Runnable then) {
        ui.background(write, done -> {
            message.set("");
            then.run();
            refresh();
        }, failure -> {
            message.set("Not changed: " + failure.getMessage());
            refresh();
        });
    }

    private Map<String, TargetState> computeStates(List<Target> current, String active) {
        Map<String, TargetState> out = new HashMap<>();
        for (Target target : current) {
            boolean hasKey = keys.keyFor(target).isPresent();
            boolean available = target.apiMode() != null && servedModes.contains(target.apiMode());
            String keyWords = hasKey ? "key set" : TargetReadiness.isLocal(target.baseUrl()) ? "local" : "no key";
            String summary = (target.apiMode() == null ? "?" : ModeNames.of(target.apiMode())) + " \u00b7 "
                    + (available ? keyWords : "mode not available yet");
            out.put(target.id(), new TargetState(target.id().equals(active), hasKey, available, summary));
        }
        return out;
    }

    private int indexOf(String id) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
