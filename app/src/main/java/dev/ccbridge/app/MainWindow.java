package dev.ccbridge.app;

import dev.ccbridge.app.env.CopyEnvDialog;
import dev.ccbridge.app.env.CopyEnvViewModel;
import dev.ccbridge.app.icons.WindowIcons;
import dev.ccbridge.app.log.RequestLogView;
import dev.ccbridge.app.log.RequestLogViewModel;
import dev.ccbridge.app.routing.RoutingView;
import dev.ccbridge.app.routing.RoutingViewModel;
import dev.ccbridge.app.services.AppServices;
import dev.ccbridge.app.settings.SettingsView;
import dev.ccbridge.app.settings.SettingsViewModel;
import dev.ccbridge.app.targets.PresetCatalog;
import dev.ccbridge.app.targets.TargetsView;
import dev.ccbridge.app.targets.TargetsViewModel;
import dev.ccbridge.app.theme.ThemeManager;
import dev.ccbridge.app.usage.UsageView;
import dev.ccbridge.app.usage.UsageViewModel;
import dev.ccbridge.app.websearch.WebSearchView;
import dev.ccbridge.app.websearch.WebSearchViewModel;
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
 * notices; tabs for Targets, Request log, Usage, Settings and Web search. Closing it hides it to
 * the tray when there is one (asking first about unsaved target changes); without a tray it quits.
 */
public final class MainWindow {
    private static final PseudoClass SERVING = PseudoClass.getPseudoClass("serving");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final Stage stage;
    private final AppServices services;
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
    private CopyEnvDialog copyEnvDialog;
    private Runnable onQuit = () -> { };
    private Runnable onClosedToTray = () -> { };
    private boolean hideToTray;

    public MainWindow(Stage stage, AppServices services, UiExecutor ui, ThemeManager theme, PresetCatalog presets,
                      Map<String, String> env) {
        this.stage = stage;
        this.services = services;
        this.theme = theme;
        this.dialogs = new Dialogs(theme);
        this.status = new StatusViewModel(services.gateway(), services.targets(), ui);
        this.targets = new TargetsViewModel(services.targets(), services.secrets(), env, services.servedModes(),
                services.calls(), ui, presets);
        this.log = new RequestLogViewModel(services.log(), services.history(), ui,
                services.settings().settings().logSize(), services.calls(), services.exportFiles());
        this.usage = new UsageViewModel(services.history(), services.targets(), ui);
        this.settings = new SettingsViewModel(services.settings(), services.loginStart(), ui);
        this.copyEnv = new CopyEnvViewModel(services.targets(), () -> services.gateway().status().url(),
                services.claudeSettings(), env, ui);
        services.targets().onChange(() -> ui.post(copyEnv::refresh));
        services.gateway().addListener(now -> ui.post(copyEnv::refresh));
        settings.setOnSaved(saved -> {
            theme.themeProperty().set(saved.theme());
            log.capacityProperty().set(saved.logSize());
            copyEnv.refresh();
        });

        targetsView = new TargetsView(targets, dialogs);
        logView = new RequestLogView(log, services.targets(), theme);
        targetsTab = tab("Targets", targetsView.node());
        logTab = tab("Request log", logView.node());
        usageTab = tab("Usage", new UsageView(usage).node());
        var webSearch = new WebSearchViewModel(services.search(), ui);
        services.targets().onChange(() -> ui.post(webSearch::refreshStatus));
        tabs.getTabs().addAll(targetsTab, logTab, usageTab, tab("Settings", new SettingsView(settings).node()),
                tab("Web search", new WebSearchView(webSearch).node()),
                tab("Routing", new RoutingView(new RoutingViewModel(services.targets(), ui)).node()));
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

    public CopyEnvDialog showCopyEnv(Shell shell) {
        if (copyEnvDialog == null) {
            copyEnvDialog = new CopyEnvDialog(stage.isShowing() ? stage : null, theme, copyEnv, services.targets());
        }
        copyEnvDialog.show(shell);
        return copyEnvDialog;
    }

    /** Asks about unsaved target changes, then runs {@code leave} unless the user wants to stay. */
    public void confirmLeave(Runnable leave) {
        targetsView.confirmLeave(leave);
    }

    /** The window's close button. */
    public void close() {
        confirmLeave(() -> {
            if (hideToTray) {
                stage.hide();
                onClosedToTray.run();
            } else {
                onQuit.run();
            }
        });
    }

    private HBox header() {
        var dot = new Region();
        dot.getStyleClass().add("state-dot");
        var headline = new Label();
        headline.setId("headline");
        headline.getStyleClass().add("headline");
        headline.textProperty().bind(status.headlineProperty());
        var detail = new Label();
        detail.setId("headerDetail");
        detail.getStyleClass().add("detail");
        detail.textProperty().bind(status.detailProperty());
        detail.setWrapText(true); // a warning names its fix in full
        var texts = new VBox(2, headline, detail);
        HBox.setHgrow(texts, Priority.SOMETIMES);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        var enabled = new ToggleSwitch("Enabled");
        enabled.setId("enabled");
        enabled.setSelected(status.enabledProperty().get());
        enabled.disableProperty().bind(status.busyProperty());
        // The switch shows what is, not what was asked: after a start that failed it goes back off.
        status.enabledProperty().addListener((obs, was, now) -> enabled.setSelected(now));
        status.busyProperty().addListener((obs, was, now) -> {
            if (!now) {
                enabled.setSelected(status.enabledProperty().get());
            }
        });
        enabled.selectedProperty().addListener((obs, was, now) -> {
            if (now != status.enabledProperty().get()) {
                status.setEnabled(now);
            }
        });
        var copy = new Button("Copy env vars\u2026");
        copy.setId("copyEnv");
        copy.setOnAction(e -> showCopyEnv(copyEnv.shell.get()));
        enabled.setMinWidth(Region.USE_PREF_SIZE);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        var header = new HBox(dot, texts, spacer, enabled, copy);
        header.setId("header");
        header.getStyleClass().add("header");
        status.stateProperty().addListener((obs, old, state) -> paintState(header, state));
        paintState(header, status.stateProperty().get());
        return header;
    }

    private VBox notices() {
        var box = new VBox();
        for (String notice : services.notices()) {
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

    /** The header and its dot show the state through pseudo-classes (colours in the stylesheet). */
    private static void paintState(Region header, ServerControl.State state) {
        header.pseudoClassStateChanged(SERVING, state == ServerControl.State.SERVING);
        header.pseudoClassStateChanged(WARNING, state == ServerControl.State.WARNING);
        header.pseudoClassStateChanged(ERROR, state == ServerControl.State.ERROR);
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        var tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return tab;
    }
}
