package dev.ccbridge.app;

import dev.ccbridge.core.secrets.TargetReadiness;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's header: is ccbridge serving, where, through which target, and what to fix when
 * requests would fail (the active target's missing key); the Enabled switch.
 */
public final class StatusViewModel {
    private final ServerControl server;
    private final TargetRegistry registry;
    private final UiExecutor ui;
    private final ReadOnlyObjectWrapper<ServerControl.State> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper serving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public StatusViewModel(ServerControl server, TargetRegistry registry, UiExecutor ui) {
        this.server = server;
        this.registry = registry;
        this.ui = ui;
        server.addListener(status -> ui.post(this::update));
        registry.addListener(config -> ui.post(this::update));
        update();
    }

    public ReadOnlyObjectProperty<ServerControl.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty servingProperty() {
        return serving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Starts or stops the gateway in the background. */
    public void setEnabled(boolean enabled) {
        if (busy.get() || enabled == server.status().serving()) {
            update();
            return;
        }
        busy.set(true);
        ui.background(() -> enabled ? server.start() : server.stop(), status -> {
            busy.set(false);
            update();
        }, failure -> {
            busy.set(false);
            update();
        });
    }

    public void update() {
        ServerControl.Status status = server.status();
        state.set(status.state());
        serving.set(status.serving());
        String active = registry.active().map(Target::displayName).orElse("none");
        headline.set(switch (status.state()) {
            case SERVING -> "Serving on " + status.url();
            case WARNING -> status.message();
            case OFF -> "Off";
            case ERROR -> "Not serving";
        });
        detail.set(switch (status.state()) {
            case SERVING -> "Active target: " + active;
            case WARNING -> status.readiness() instanceof TargetReadiness.MissingKey missing
                    ? "Serving on " + status.url() + ", but requests to " + missing.target().displayName()
                    + " fail until it has one: enter it under Targets, or run `" + missing.command() + "`."
                    : "Serving on " + status.url();
            case OFF -> "Turn it on to let Claude Code through (active target: " + active + ")";
            case ERROR -> status.message();
        });
    }
}
