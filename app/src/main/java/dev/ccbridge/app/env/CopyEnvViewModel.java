package dev.ccbridge.app.env;

import dev.ccbridge.core.env.ClaudeSettingsCheck;
import dev.ccbridge.core.env.EnvSnippets;
import dev.ccbridge.core.env.Shell;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The "Copy env vars" dialog: the snippet for one shell that points Claude Code at ccbridge,
 * through the active target (the install URL and token) or pinned to one target (its own URL
 * and token), optionally with the model variables; and a warning when Claude Code's settings
 * file would override it.
 */
public final class CopyEnvViewModel {
    public static final String OPUS = "ANTHROPIC_DEFAULT_OPUS_MODEL";
    public static final String SONNET = "ANTHROPIC_DEFAULT_SONNET_MODEL";
    public static final String HAIKU = "ANTHROPIC_DEFAULT_HAIKU_MODEL";

    public final ObjectProperty<Shell> shell = new SimpleObjectProperty<>(Shell.BASH);
    /** null: follow the active target (the usual choice); else this terminal is pinned to it. */
    public final ObjectProperty<Target> pinned = new SimpleObjectProperty<>();
    public final BooleanProperty includeModels = new SimpleBooleanProperty();

    private final TargetRegistry registry;
    private final Supplier<String> gatewayUrl;
    private final ClaudeSettingsCheck settingsCheck;
    private final Map<String, String> env;
    private final StringBinding snippet;
    private final StringBinding warning;
    private final StringBinding modelNote;

    /** @param env the environment whose NO_PROXY the snippet extends */
    public CopyEnvViewModel(TargetRegistry registry, Supplier<String> gatewayUrl, ClaudeSettingsCheck settingsCheck,
                            Map<String, String> env) {
        this.registry = registry;
        this.gatewayUrl = gatewayUrl;
        this.settingsCheck = settingsCheck;
        this.env = env;
        snippet = Bindings.createStringBinding(() -> EnvSnippets.render(shell.get(), variables()), shell, pinned,
                includeModels);
        warning = Bindings.createStringBinding(() -> String.join("\n", settingsCheck.warnings(variables())), pinned,
                includeModels);
        modelNote = Bindings.createStringBinding(() -> !includeModels.get() ? ""
                : pinned.get() == null
                ? "The model variables name the active target's models: after switching targets, copy them again."
                : "The model variables name this target's upstream models, so Claude Code's /model shows them.",
                includeModels, pinned);
    }

    public StringBinding snippetBinding() {
        return snippet;
    }

    public StringBinding warningBinding() {
        return warning;
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
                ? EnvSnippets.variables(base, registry.installToken(), env)
                : EnvSnippets.variables(EnvSnippets.pinnedUrl(base, pin), pin.token(), env));
        if (includeModels.get()) {
            Target target = pin != null ? pin : registry.active().orElse(null);
            if (target != null) {
                putModel(vars, OPUS, target.tiers().opus(), target.model());
                putModel(vars, SONNET, target.tiers().sonnet(), target.model());
                putModel(vars, HAIKU, target.tiers().haiku(), target.model());
            }
        }
        return vars;
    }

    /** Recomputes after the targets or the port changed. */
    public void refresh() {
        snippet.invalidate();
        warning.invalidate();
    }

    private static void putModel(Map<String, String> vars, String name, String tier, String fallback) {
        String value = tier != null && !tier.isBlank() ? tier : fallback;
        if (value != null && !value.isBlank()) {
            vars.put(name, value);
        }
    }
}
