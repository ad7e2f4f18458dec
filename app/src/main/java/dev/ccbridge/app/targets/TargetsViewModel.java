package dev.ccbridge.app.targets;

import dev.ccbridge.core.target.ProviderPreset;
import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.core.secrets.KeyResolver;
import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.secrets.TargetReadiness;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The target list: what is configured, which one is active, which have a key; add (preset,
 * blank, copy), delete, reorder, activate. Edits go through the {@link TargetEditorViewModel}.
 */
public final class TargetsViewModel {
    /** What the list shows under a target's name. */
    public record TargetState(boolean active, boolean hasKey, boolean modeAvailable, String summary) {}

    private final TargetRegistry registry;
    private final SecretStore secrets;
    private final KeyResolver keys;
    private final ServerControl server;
    private final UiExecutor ui;
    private final PresetCatalog presets;
    private final TargetEditorViewModel editor;
    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final ObservableMap<String, TargetState> states = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper activeId = new ReadOnlyStringWrapper();

    public TargetsViewModel(TargetRegistry registry, SecretStore secrets, Map<String, String> env, ServerControl server,
                            UiExecutor ui, PresetCatalog presets) {
        this.registry = registry;
        this.secrets = secrets;
        this.keys = new KeyResolver(secrets, env);
        this.server = server;
        this.ui = ui;
        this.presets = presets;
        this.editor = new TargetEditorViewModel(registry, secrets, env, server, ui);
        editor.setOnSaved(saved -> refresh());
        registry.addListener(this::configChanged);
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

    public TargetEditorViewModel editor() {
        return editor;
    }

    public List<ProviderPreset> presets() {
        return presets.presets();
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
        registry.remove(target.id());
        try {
            secrets.delete(target.secretAccount());
        } catch (UnsupportedOperationException e) {
            // read-only store: nothing of ours to remove
        }
        if (editor.originalProperty().get() != null && editor.originalProperty().get().id().equals(target.id())) {
            editor.clear();
        }
        refresh();
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
        registry.move(target.id(), at + by);
        refresh();
    }

    public void activate(Target target) {
        registry.activate(target.id());
        refresh();
    }

    public Optional<Target> byId(String id) {
        return registry.byId(id);
    }

    /** Rebuilds the list from the registry (on the FX thread). */
    public void refresh() {
        List<Target> current = registry.targets();
        if (!current.equals(targets)) {
            targets.setAll(current);
        }
        activeId.set(registry.config().activeTarget());
        editor.targetsChanged();
        ui.background(() -> computeStates(current), computed -> {
            states.keySet().retainAll(computed.keySet());
            states.putAll(computed);
        }, failure -> { });
    }

    private Map<String, TargetState> computeStates(List<Target> current) {
        Map<String, TargetState> out = new HashMap<>();
        String active = registry.config().activeTarget();
        for (Target target : current) {
            boolean hasKey = keys.keyFor(target).isPresent();
            boolean available = target.apiMode() != null
                    && server.context().upstreams().forMode(target.apiMode()).isPresent();
            String keyWords = hasKey ? "key set" : TargetReadiness.isLocal(target.baseUrl()) ? "local" : "no key";
            String summary = (target.apiMode() == null ? "?" : target.apiMode().wireName()) + " \u00b7 "
                    + (available ? keyWords : "mode not available yet");
            out.put(target.id(), new TargetState(target.id().equals(active), hasKey, available, summary));
        }
        return out;
    }

    private void configChanged(GatewayConfig config) {
        ui.post(this::refresh);
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
