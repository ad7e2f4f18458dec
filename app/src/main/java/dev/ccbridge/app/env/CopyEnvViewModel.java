package dev.ccbridge.app.env;

import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.services.TargetStore;
import dev.ccbridge.core.env.EnvSnippets;
import dev.ccbridge.core.env.Shell;
import dev.ccbridge.core.target.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The "Copy env vars" dialog: the snippet for one shell that points Claude Code at ccbridge,
 * through the active target (the install URL and token) or pinned to one target (its own URL
 * and token), optionally with the model variables; and a warning when Claude Code's settings
 * file would override it (read in the background whenever the snippet's variables change).
 */
public final class CopyEnvViewModel {
    public static final String OPUS = "ANTHROPIC_DEFAULT_OPUS_MODEL";
    public static final String SONNET = "ANTHROPIC_DEFAULT_SONNET_MODEL";
    public static final String HAIKU = "ANTHROPIC_DEFAULT_HAIKU_MODEL";

    public final ObjectProperty<Shell> shell = new SimpleObjectProperty<>(Shell.BASH);
    /** null: follow the active target (the usual choice); else this terminal is pinned to it. */
    public final ObjectProperty<Target> pinned = new SimpleObjectProperty<>();
    public final BooleanProperty includeModels = new SimpleBooleanProperty();

    private final TargetStore targets;
    private final Supplier<String> gatewayUrl;
    private final EnvOverrideCheck overrides;
    private final Map<String, String> env;
    private final UiExecutor ui;
    private final StringBinding snippet;
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final StringBinding modelNote;
    private long checks;

    /** @param env the environment whose NO_PROXY the snippet extends */
    public CopyEnvViewModel(TargetStore targets, Supplier<String> gatewayUrl, EnvOverrideCheck overrides,
                            Map<String, String> env, UiExecutor ui) {
        this.targets = targets;
        this.gatewayUrl = gatewayUrl;
        this.overrides = overrides;
        this.env = env;
        this.ui = ui;
        snippet = Bindings.createStringBinding(() -> EnvSnippets.render(shell.get(), variables()), shell, pinned,
                includeModels);
        modelNote = Bindings.createStringBinding(() -> !includeModels.get() ? ""
                : pinned.get() == null
                ? "The model variables name the active target's models: after switching targets, copy them again."
                : "The model variables name this target's upstream models, so Claude Code's /model shows them.",
                includeModels, pinned);
        pinned.addListener((obs, old, now) -> checkOverrides(w -> { }));
        includeModels.addListener((obs, old, now) -> checkOverrides(w -> { }));
    }

    public StringBinding snippetBinding() {
        return snippet;
    }

    /** What Claude Code's settings file would override ("" when nothing). */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public StringBinding modelNoteBinding() {
        return modelNote;
    }

    public String snippet() {
        return snippet.get();
    }

    /** The variables, in the order they are written. */
    public Map<String, String> variables() {
        String base = gatewayUrl.get();
        Target pin = pinned.get();
        Map<String, String> vars = new LinkedHashMap<>(pin == null
                ? EnvSnippets.variables(base, targets.installToken(), env)
                : EnvSnippets.variables(EnvSnippets.pinnedUrl(base, pin), pin.token(), env));
        if (includeModels.get()) {
            Target target = pin != null ? pin : targets.active().orElse(null);
            if (target != null) {
                putModel(vars, OPUS, target.tiers().opus(), target.model());
                putModel(vars, SONNET, target.tiers().sonnet(), target.model());
                putModel(vars, HAIKU, target.tiers().haiku(), target.model());
            }
        }
        return vars;
    }

    /** Recomputes after the targets or the port changed, and reads Claude Code's settings again. */
    public void refresh() {
        snippet.invalidate();
        checkOverrides(w -> { });
    }

    /**
     * Reads Claude Code's settings in the background; the warning (or "") then goes to
     * {@link #warningProperty()} and to {@code then}, on the UI thread.
     */
    public void checkOverrides(Consumer<String> then) {
        Map<String, String> vars = variables();
        long check = ++checks;
        ui.background(() -> String.join("\n", overrides.warnings(vars)), found -> {
            if (check == checks) {
                warning.set(found);
            }
            then.accept(found);
        }, failure -> then.accept(""));
    }

    private static void putModel(Map<String, String> vars, String name, String tier, String fallback) {
        String value = tier != null && !tier.isBlank() ? tier : fallback;
        if (value != null && !value.isBlank()) {
            vars.put(name, value);
        }
    }
}
