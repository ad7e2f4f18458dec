package dev.ccbridge.app;

import dev.ccbridge.app.env.ClaudeSettingsCheck;
import dev.ccbridge.app.env.CopyEnvDialog;
import dev.ccbridge.app.env.CopyEnvViewModel;
import dev.ccbridge.app.icons.WindowIcons;
import dev.ccbridge.app.log.ReplayService;
import dev.ccbridge.app.log.RequestLogView;
import dev.ccbridge.app.log.RequestLogViewModel;
import dev.ccbridge.app.settings.SettingsView;
import dev.ccbridge.app.settings.SettingsViewModel;
import dev.ccbridge.app.targets.PresetCatalog;
import dev.ccbridge.app.targets.TargetsView;
import dev.ccbridge.app.targets.TargetsViewModel;
import dev.ccbridge.app.theme.ThemeManager;
import dev.ccbridge.app.usage.UsageView;
import dev.ccbridge.app.usage.UsageViewModel;
import dev.ccbridge.core.env.Shell;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;

/**
 * The main window: a header with the gateway's state, the Enabled switch and "Copy env vars";
 * notices; tabs for Targets, Request log, Usage and Settings. Closing it hides it to the tray
 * when there is one (asking first about unsaved target changes); without a tray it quits.
 */
public final class MainWindow {
    private static final PseudoClass SERVING = PseudoClass.getPseudoClass("serving");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final Stage stage;
    private final AppContext context;
    private final ThemeManager theme;
    private final Dialogs dialogs;
    private final StatusViewModel status;
    private final TargetsViewModel targets;
    private final RequestLogViewModel log;
    private final UsageViewModel usage;
    private final SettingsViewModel settings;
    private final CopyEnvViewModel copyEnv;
    private final TargetsView targetsView;
    private final RequestLogView logView;
    private final TabPane tabs = new TabPane();
    private final Tab targetsTab;
    private final Tab logTab;
    private final Tab usageTab;
    private final Tab settingsTab;
    private CopyEnvDialog copyEnvDialog;
    private Runnable onQuit = () -> { };
    private Runnable onClosedToTray = () -> { };
    private boolean hideToTray;

    public MainWindow(Stage stage, AppContext context, UiExecutor ui, ThemeManager theme, PresetCatalog presets,
                      Map<String, String> env, ClaudeSettingsCheck settingsCheck) {
        this.stage = stage;
        this.context = context;
        this.theme = theme;
        this.dialogs = new Dialogs(theme);
        this.status = new StatusViewModel(context.server(), context.registry(), ui);
        this.targets = new TargetsViewModel(context.registry(), context.secrets(), env, context.server(), ui, presets);
        this.log = new RequestLogViewModel(context.log(), context.history().orElse(null), ui,
                context.settings().logSize(), new ReplayService(context.server()));
        this.usage = new UsageViewModel(context.history().orElse(null), context.registry(), ui);
        this.settings = new SettingsViewModel(context);
        this.copyEnv = new CopyEnvViewModel(context.registry(), () -> ServerControl.urlFor(context.port()),
                settingsCheck);
        context.registry().addListener(config -> ui.post(copyEnv::refresh));
        settings.setOnSaved(saved -> {
            theme.themeProperty().set(saved.theme());
            log.capacityProperty().set(saved.logSize());
            copyEnv.refresh();
        });

        targetsView = new TargetsView(targets, dialogs);
        logView = new RequestLogView(log, context.registry(), theme);
        targetsTab = tab("Targets", targetsView.node());
        logTab = tab("Request log", logView.node());
        usageTab = tab("Usage", new UsageView(usage).node());
        settingsTab = tab("Settings", new SettingsView(settings).node());
        tabs.getTabs().addAll(targetsTab, logTab, usageTab, settingsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == usageTab) {
                usage.refresh();
            }
        });

        var root = new BorderPane(tabs);
        root.setTop(new VBox(header(), notices()));
        var scene = new Scene(root, 1180, 760);
        theme.style(scene);
        stage.setScene(scene);
        stage.setTitle("ccbridge");
        WindowIcons.apply(stage);
        stage.setMinWidth(820);
        stage.setMinHeight(520);
        stage.setOnCloseRequest(event -> {
            event.consume();
            close();
        });
        log.start();
    }

    public void setOnQuit(Runnable onQuit) {
        this.onQuit = onQuit;
    }

    /** With a tray, closing hides the window; without one, closing quits. */
    public void setHideToTray(boolean hideToTray) {
        this.hideToTray = hideToTray;
    }

    /** Runs each time closing the window hid it into the tray. */
    public void setOnClosedToTray(Runnable onClosedToTray) {
        this.onClosedToTray = onClosedToTray;
    }

    public Stage stage() {
        return stage;
    }

    public TargetsViewModel targets() {
        return targets;
    }

    public RequestLogViewModel log() {
        return log;
    }

    public TargetsView targetsView() {
        return targetsView;
    }

    public RequestLogView logView() {
        return logView;
    }

    public CopyEnvViewModel copyEnv() {
        return copyEnv;
    }

    public UsageViewModel usage() {
        return usage;
    }

    public void show() {
        stage.show();
    }

    public void bringToFront() {
        if (stage.isIconified()) {
            stage.setIconified(false);
        }
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    public void showTargets() {
        tabs.getSelectionModel().select(targetsTab);
        bringToFront();
    }

    public void showLog() {
        tabs.getSelectionModel().select(logTab);
        bringToFront();
    }

    public void showUsage() {
        tabs.getSelectionModel().select(usageTab);
        bringToFront();
    }

    public void showSettings() {
        tabs.getSelectionModel().select(settingsTab);
        bringToFront();
    }

    public CopyEnvDialog showCopyEnv(Shell shell) {
        if (copyEnvDialog == null) {
            copyEnvDialog = new CopyEnvDialog(stage.isShowing() ? stage : null, theme, copyEnv, context.registry());
        }
        copyEnvDialog.show(shell);
        return copyEnvDialog;
    }

    /** Asks about unsaved target changes; false if the user wants to stay. */
    public boolean confirmLeave() {
        return targetsView.confirmLeave();
    }

    /** The window's close button. */
    public void close() {
        if (!confirmLeave()) {
            return;
        }
        if (hideToTray) {
            stage.hide();
            onClosedToTray.run();
        } else {
            onQuit.run();
        }
    }

    private HBox header() {
        var dot = new Region();
        dot.getStyleClass().add("state-dot");
        status.stateProperty().addListener((obs, old, state) -> paintState(dot, state));
        paintState(dot, status.stateProperty().get());
        var headline = new Label();
        headline.setId("headline");
        headline.getStyleClass().add("headline");
        headline.textProperty().bind(status.headlineProperty());
        var detail = new Label();
        detail.setId("headerDetail");
        detail.getStyleClass().add("detail");
        detail.textProperty().bind(status.detailProperty());
        var texts = new VBox(2, headline, detail);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        var enabled = new ToggleSwitch("Enabled");
        enabled.setId("enabled");
        enabled.setSelected(status.servingProperty().get());
        enabled.disableProperty().bind(status.busyProperty());
        status.servingProperty().addListener((obs, was, now) -> enabled.setSelected(now));
        enabled.selectedProperty().addListener((obs, was, now) -> {
            if (now != status.servingProperty().get()) {
                status.setEnabled(now);
            }
        });
        var copy = new Button("Copy env vars\u2026");
        copy.setId("copyEnv");
        copy.setOnAction(e -> showCopyEnv(copyEnv.shell.get()));
        var header = new HBox(dot, texts, spacer, enabled, copy);
        header.getStyleClass().add("header");
        return header;
    }

    private VBox notices() {
        var box = new VBox();
        for (String notice : context.notices()) {
            var text = new Label(notice);
            text.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            var dismiss = new Button("Dismiss");
            dismiss.setMinWidth(Region.USE_PREF_SIZE);
            var row = new HBox(text, dismiss);
            row.getStyleClass().add("notice");
            dismiss.setOnAction(e -> box.getChildren().remove(row));
            box.getChildren().add(row);
        }
        return box;
    }

    private static void paintState(Region dot, ServerControl.State state) {
        dot.pseudoClassStateChanged(SERVING, state == ServerControl.State.SERVING);
        dot.pseudoClassStateChanged(ERROR, state == ServerControl.State.ERROR);
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        var tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return tab;
    }
}
