package dev.ccbridge.app.env;

import dev.ccbridge.app.icons.WindowIcons;
import dev.ccbridge.app.services.TargetStore;
import dev.ccbridge.app.theme.Texts;
import dev.ccbridge.app.theme.ThemeManager;
import dev.ccbridge.core.env.Shell;
import dev.ccbridge.core.target.Target;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.SegmentedButton;

/**
 * The "Copy env vars" window: pick a shell and a route, see the snippet, copy it. The preview
 * wraps its long lines (a pinned target's URL) and has room for every variable, so nothing hides.
 */
public final class CopyEnvDialog {
    private static final double WIDTH = 860;

    private final CopyEnvViewModel vm;
    private final TargetStore targets;
    private final Stage stage = new Stage();
    private final Label copied = new Label();

    public CopyEnvDialog(Window owner, ThemeManager theme, CopyEnvViewModel vm, TargetStore targets) {
        this.vm = vm;
        this.targets = targets;
        stage.setTitle("ccbridge \u2014 copy env vars");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.NONE);
        } else {
            WindowIcons.apply(stage); // opened from the tray: no owner to take the icon from
        }
        var scene = new Scene(build(), WIDTH, -1);
        theme.style(scene);
        stage.setScene(scene);
    }

    public Stage stage() {
        return stage;
    }

    public void show(Shell shell) {
        vm.shell.set(shell);
        vm.refresh();
        stage.show();
        stage.toFront();
    }

    private VBox build() {
        var intro = new Label("Paste this into the terminal where you run claude (or into your shell's profile).");
        intro.setWrapText(true);

        var shells = new SegmentedButton();
        shells.setId("shells");
        for (Shell shell : Shell.values()) {
            var button = new ToggleButton(shell.label());
            button.setId("shell-" + shell.name().toLowerCase(java.util.Locale.ROOT));
            button.setUserData(shell);
            shells.getButtons().add(button);
        }
        shells.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one shell is always chosen
            } else {
                vm.shell.set((Shell) now.getUserData());
            }
        });
        vm.shell.addListener((obs, old, shell) -> selectShell(shells, shell));
        selectShell(shells, vm.shell.get());

        ComboBox<RouteChoice> route = new ComboBox<>();
        route.setId("route");
        route.getItems().setAll(routeChoices());
        route.setValue(new RouteChoice(vm.pinned.get()));
        route.setOnShowing(e -> {
            RouteChoice chosen = route.getValue();
            route.getItems().setAll(routeChoices());
            route.setValue(chosen);
        });
        route.valueProperty().addListener((obs, old, now) -> vm.pinned.set(now == null ? null : now.target()));
        var top = new HBox(10, new Label("Shell"), shells, new Label("Route"), route);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        var models = new CheckBox("Also set the model variables (ANTHROPIC_DEFAULT_OPUS/SONNET/HAIKU_MODEL)");
        models.setId("includeModels");
        models.setMnemonicParsing(false); // the names have underscores
        models.selectedProperty().bindBidirectional(vm.includeModels);

        var snippet = new TextArea();
        snippet.setId("snippet");
        snippet.setEditable(false);
        snippet.getStyleClass().add("snippet");
        snippet.textProperty().bind(vm.snippetBinding());
        snippet.setWrapText(true);
        snippet.setPrefRowCount(9); // six variables (with NO_PROXY), the URL wrapped over three rows
        snippet.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(snippet, Priority.ALWAYS);

        var note = new Label();
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.textProperty().bind(vm.modelNoteBinding());
        Texts.onlyWithText(note);

        var warning = new Label();
        warning.setId("settingsWarning");
        warning.setWrapText(true);
        warning.textProperty().bind(vm.warningProperty());
        warning.setMinHeight(Region.USE_PREF_SIZE);
        var warningBox = new VBox(warning);
        warningBox.getStyleClass().add("warning-box");
        Texts.onlyWithText(warningBox, warning);

        var copy = new Button("Copy");
        copy.setId("copy");
        copy.setDefaultButton(true);
        copy.setOnAction(e -> copy());
        var close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.hide());
        copied.setId("copied");
        copied.getStyleClass().add("ok-text");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var buttons = new HBox(8, copied, spacer, copy, close);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);

        var root = new VBox(10, intro, top, models, snippet, note, warningBox, buttons);
        root.getStyleClass().add("page");
        // A warning or a note that appears later makes the window taller, never the preview smaller.
        warningBox.visibleProperty().addListener((obs, was, now) -> fitHeight());
        note.visibleProperty().addListener((obs, was, now) -> fitHeight());
        return root;
    }

    private void fitHeight() {
        if (stage.getScene() != null) {
            javafx.application.Platform.runLater(() -> stage.setHeight(Math.max(stage.getHeight(),
                    stage.getScene().getRoot().prefHeight(stage.getScene().getWidth())
                            + stage.getHeight() - stage.getScene().getHeight())));
        }
    }

    /** Puts the snippet on the clipboard. */
    public void copy() {
        var content = new ClipboardContent();
        content.putString(vm.snippet());
        Clipboard.getSystemClipboard().setContent(content);
        copied.setText("Copied for " + vm.shell.get().label() + ".");
        var fade = new PauseTransition(Duration.seconds(4));
        fade.setOnFinished(e -> copied.setText(""));
        fade.play();
    }

    /** "Active target" (null) or one pinned target, as the route box lists them. */
    record RouteChoice(Target target) {
        @Override
        public String toString() {
            return target == null ? "Active target (follows switching)" : "Only " + target.displayName();
        }
    }

    private java.util.List<RouteChoice> routeChoices() {
        var choices = new java.util.ArrayList<RouteChoice>();
        choices.add(new RouteChoice(null));
        targets.targets().forEach(t -> choices.add(new RouteChoice(t)));
        return choices;
    }

    private static void selectShell(SegmentedButton shells, Shell shell) {
        shells.getButtons().stream().filter(b -> b.getUserData() == shell).findFirst()
                .ifPresent(b -> b.setSelected(true));
    }
}
