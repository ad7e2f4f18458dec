package dev.ccbridge.app;

import dev.ccbridge.app.env.CopyEnvViewModel;
import dev.ccbridge.app.targets.PresetCatalog;
import dev.ccbridge.app.theme.ThemeManager;
import dev.ccbridge.app.tray.DesktopTray;
import dev.ccbridge.app.tray.FirstCloseNotice;
import dev.ccbridge.app.tray.TrayAdapter;
import dev.ccbridge.app.tray.TrayController;
import dev.ccbridge.core.env.Shell;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: builds the {@link AppContext}, the tray and the main window, starts
 * serving if the settings say so. Started by {@link Launcher}, which has already made sure this
 * is the only instance.
 */
public final class CcbridgeApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(CcbridgeApp.class);

    private static LaunchOptions options;
    private static AppPaths paths;
    private static SingleInstance instance;

    private AppContext context;
    private TrayAdapter trayAdapter;
    private MainWindow window;
    private TrayController tray;

    static void launch(LaunchOptions launchOptions, AppPaths appPaths, SingleInstance claimed) {
        options = launchOptions;
        paths = appPaths;
        instance = claimed;
        Application.launch(CcbridgeApp.class);
    }

    @Override
    public void init() {
        // Off the FX thread: the keychain probe and the history may take a moment.
        context = AppContext.open(paths, options.port());
        trayAdapter = DesktopTray.forThisDesktop(); // asks the session bus which tray the desktop has
    }

    @Override
    public void start(Stage stage) {
        UiExecutor ui = UiExecutor.javaFx();
        var theme = new ThemeManager(context.settings().theme());
        window = new MainWindow(stage, context.services(), ui, theme, PresetCatalog.builtIn(), System.getenv());
        window.setOnQuit(this::quit);

        tray = new TrayController(trayAdapter, context.server(), context.registry(), ui,
                new TrayController.Actions() {
                    @Override
                    public void openWindow() {
                        window.showTargets();
                    }

                    @Override
                    public void openLog() {
                        window.showLog();
                    }

                    @Override
                    public void copyEnv(Shell shell) {
                        copyFromTray(shell);
                    }

                    @Override
                    public void quit() {
                        window.confirmLeave(CcbridgeApp.this::quit);
                    }
                });
        boolean inTray = tray.install();
        window.setHideToTray(inTray);
        window.setOnClosedToTray(new FirstCloseNotice(context.paths().dataDir(), tray::notify, ui)::windowClosed);
        Platform.setImplicitExit(!inTray);
        if (instance != null) {
            instance.onShowRequest(() -> ui.post(window::bringToFront));
        }

        if (context.settings().startServing()) {
            ui.background(context.server()::start, status -> { }, failure ->
                    LOG.warn("the gateway did not start", failure));
        }
        if (!inTray || context.firstRun() || !context.notices().isEmpty()) {
            window.show();
        }
    }

    /**
     * A tray "Copy env vars" entry: copied at once; the notice saying what was copied follows once
     * Claude Code's settings file is checked (in the background).
     */
    private void copyFromTray(Shell shell) {
        CopyEnvViewModel env = window.copyEnv();
        env.shell.set(shell);
        env.pinned.set(null);
        var content = new ClipboardContent();
        content.putString(env.snippet());
        Clipboard.getSystemClipboard().setContent(content);
        env.checkOverrides(warning -> tray.notify("Copied for " + shell.label(), warning.isEmpty()
                ? "ANTHROPIC_BASE_URL, ANTHROPIC_AUTH_TOKEN and NO_PROXY are on the clipboard; paste them into your"
                        + " terminal."
                : warning));
    }

    private void quit() {
        Platform.exit();
    }

    @Override
    public void stop() {
        if (tray != null) {
            tray.remove();
        }
        if (context != null) {
            context.close();
        }
        if (instance != null) {
            instance.close();
        }
        // AWT's or D-Bus's threads would keep the JVM alive; exit off the FX thread, which is stopping.
        Thread.ofPlatform().daemon().start(() -> System.exit(0));
    }
}
