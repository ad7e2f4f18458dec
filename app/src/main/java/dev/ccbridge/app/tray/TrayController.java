package dev.ccbridge.app.tray;

import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.core.env.Shell;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the tray shows and does: the state icon and tooltip (URL, active target), and the menu:
 * Enabled, Active target, Copy env vars, Open ccbridge, Request log, Quit. Menu clicks arrive on
 * the tray's thread; slow work goes to the background, window work to the FX thread.
 */
public final class TrayController {
    /** What the tray asks of the rest of the app (run on the FX thread). */
    public interface Actions {
        void openWindow();

        void openLog();

        void copyEnv(Shell shell);

        void quit();
    }

    private final TrayAdapter adapter;
    private final ServerControl server;
    private final TargetRegistry registry;
    private final UiExecutor ui;
    private final Actions actions;
    private final Consumer<ServerControl.Status> statusListener = status -> refresh();
    private final Consumer<GatewayConfig> configListener = config -> refresh();
    private boolean installed;

    public TrayController(TrayAdapter adapter, ServerControl server, TargetRegistry registry, UiExecutor ui,
                          Actions actions) {
        this.adapter = adapter;
        this.server = server;
        this.registry = registry;
        this.ui = ui;
        this.actions = actions;
    }

    /** Puts the icon in the tray; false when the desktop has none (the window must then stay reachable). */
    public boolean install() {
        if (!adapter.isSupported()) {
            return false;
        }
        installed = true;
        server.addListener(statusListener);
        registry.addListener(configListener);
        refresh();
        return true;
    }

    public boolean installed() {
        return installed;
    }

    public void refresh() {
        if (installed) {
            adapter.show(view());
        }
    }

    public void notify(String title, String message) {
        if (installed) {
            adapter.notify(title, message);
        }
    }

    public void remove() {
        if (installed) {
            server.removeListener(statusListener);
            registry.removeListener(configListener);
            adapter.remove();
            installed = false;
        }
    }

    /** The tray's content for the current state. */
    public TrayView view() {
        ServerControl.Status status = server.status();
        String activeName = registry.active().map(Target::displayName).orElse(null);
        return new TrayView(status.state(), tooltip(status, activeName), menu(status),
                () -> ui.post(actions::openWindow));
    }

    static String tooltip(ServerControl.Status status, String activeName) {
        String target = activeName == null ? "no active target" : "active: " + activeName;
        return switch (status.state()) {
            case SERVING -> "ccbridge \u2014 serving on " + status.url() + " \u2014 " + target;
            case WARNING -> "ccbridge \u2014 " + status.message() + " \u2014 serving on " + status.url();
            case OFF -> "ccbridge \u2014 off \u2014 " + target;
            case ERROR -> "ccbridge \u2014 error: " + status.message();
        };
    }

    private List<TrayItem> menu(ServerControl.Status status) {
        List<TrayItem> items = new ArrayList<>();
        // On while it serves or waits for its port, as the window's switch.
        items.add(new TrayItem.Check("Enabled", status.serving() || status.retrying(), this::setEnabled));
        String active = registry.config().activeTarget();
        List<TrayItem> targets = registry.targets().stream()
                .<TrayItem>map(t -> new TrayItem.Radio(t.displayName(), t.id().equals(active), () -> activate(t.id())))
                .toList();
        items.add(new TrayItem.Submenu("Active target", targets.isEmpty()
                ? List.of(new TrayItem.Action("(no targets: add one in the window)", () -> ui.post(actions::openWindow)))
                : targets));
        List<TrayItem> shells = new ArrayList<>();
        for (Shell shell : Shell.values()) {
            shells.add(new TrayItem.Action(shell.label(), () -> ui.post(() -> actions.copyEnv(shell))));
        }
        items.add(new TrayItem.Submenu("Copy env vars", shells));
        items.add(new TrayItem.Separator());
        items.add(new TrayItem.Action("Open ccbridge", () -> ui.post(actions::openWindow)));
        items.add(new TrayItem.Action("Request log", () -> ui.post(actions::openLog)));
        items.add(new TrayItem.Separator());
        items.add(new TrayItem.Action("Quit", () -> ui.post(actions::quit)));
        return items;
    }

    private void setEnabled(boolean enabled) {
        ui.background(() -> enabled ? server.start() : server.stop(), status -> refresh(), failure -> refresh());
    }

    private void activate(String id) {
        // The refresh redraws the marks (a tray may have toggled the chosen item's own mark).
        ui.background(() -> {
            registry.activate(id);
            return id;
        }, done -> refresh(), failure -> refresh());
    }
}
