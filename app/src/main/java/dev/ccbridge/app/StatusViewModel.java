package dev.ccbridge.app;

import dev.ccbridge.app.services.GatewaySwitch;
import dev.ccbridge.app.services.TargetStore;
import dev.ccbridge.core.secrets.TargetReadiness;
import dev.ccbridge.core.target.Target;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's header: is ccbridge serving, where, through which target, and what to fix when
 * requests would fail (the active target's missing key); the Enabled switch, which is on while
 * the gateway serves or waits for its port.
 */
public final class StatusViewModel {
    private final GatewaySwitch server;
    private final TargetStore targets;
    private final UiExecutor ui;
    private final ReadOnlyObjectWrapper<ServerControl.State> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public StatusViewModel(GatewaySwitch server, TargetStore targets, UiExecutor ui) {
        this.server = server;
        this.targets = targets;
        this.ui = ui;
        server.addListener(status -> ui.post(this::update));
        targets.onChange(() -> ui.post(this::update));
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

    /** Serving, or waiting for its port: what the Enabled switch shows. */
    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Starts or stops the gateway in the background. */
    public void setEnabled(boolean on) {
        ServerControl.Status now = server.status();
        if (busy.get() || on == (now.serving() || now.retrying())) {
            update();
            return;
        }
        busy.set(true);
        // The state first, then not busy: the switch re-reads the state when busy ends.
        ui.background(() -> on ? server.start() : server.stop(), status -> {
            update();
            busy.set(false);
        }, failure -> {
            update();
            busy.set(false);
        });
    }

    public void update() {
        ServerControl.Status status = server.status();
        state.set(status.state());
        enabled.set(status.serving() || status.retrying());
        String active = targets.active().map(Target::displayName).orElse("none");
        headline.set(switch (status.state()) {
            case SERVING -> "Serving on " + status.url();
            case WARNING -> status.message();
            case OFF -> "Off";
            case ERROR -> status.retrying() ? "Waiting to serve on " + status.url() : "Not serving";
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
