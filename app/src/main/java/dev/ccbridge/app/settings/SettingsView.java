package dev.ccbridge.app.settings;

import javafx.beans.property.StringProperty;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import impl.org.controlsfx.skin.DecorationPane;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** The Settings tab. */
public final class SettingsView {
    private final SettingsViewModel vm;
    private final ScrollPane root = new ScrollPane();
    private final GridPane grid = new GridPane();
    private final ValidationSupport validation = new ValidationSupport();
    private int row;

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        grid.getStyleClass().add("editor");
        grid.setHgap(10);
        grid.setVgap(8);
        var labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(150);
        var fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        section("Gateway");
        TextField port = text("port", vm.port, 8);
        validation.registerValidator(port, true, (c, v) -> {
            var error = SettingsViewModel.portError(String.valueOf(v));
            return ValidationResult.fromErrorIf(c, error.orElse(""), error.isPresent());
        });
        field("Port", port);
        hint("ccbridge listens on 127.0.0.1 only. A new port moves a running gateway; copy the env vars again.");
        if (!vm.sessionPortNote().isEmpty()) {
            hint(vm.sessionPortNote());
        }
        var start = new CheckBox("Start serving when ccbridge starts");
        start.setId("startServing");
        start.selectedProperty().bindBidirectional(vm.startServing);
        grid.add(start, 1, row++);

        section("Request log");
        TextField logSize = text("logSize", vm.logSize, 8);
        validation.registerValidator(logSize, true, (c, v) -> {
            var error = SettingsViewModel.numberError(String.valueOf(v), AppSettings.MIN_LOG_SIZE,
                    AppSettings.MAX_LOG_SIZE);
            return ValidationResult.fromErrorIf(c, error.orElse(""), error.isPresent());
        });
        field("Requests kept", logSize);
        TextField days = text("historyDays", vm.historyDays, 8);
        validation.registerValidator(days, true, (c, v) -> {
            var error = SettingsViewModel.numberError(String.valueOf(v), 1, 3650);
            return ValidationResult.fromErrorIf(c, error.orElse(""), error.isPresent());
        });
        field("Days of history", days);
        hint("The newest requests and the daily usage totals are kept across restarts, up to these limits.");

        section("Appearance");
        ChoiceBox<AppSettings.Theme> theme = new ChoiceBox<>();
        theme.setId("theme");
        theme.getItems().setAll(AppSettings.Theme.values());
        theme.valueProperty().bindBidirectional(vm.theme);
        field("Theme", theme);

        section("API keys");
        var keys = new Label(vm.keyStorageDescription());
        keys.setWrapText(true);
        grid.add(keys, 1, row++);
        var envKeys = new CheckBox("Read keys from environment variables (CCBRIDGE_KEY_<ID>) when there is no keychain");
        envKeys.setId("envKeys");
        envKeys.setMnemonicParsing(false);
        envKeys.selectedProperty().bindBidirectional(vm.envKeys);
        envKeys.setDisable(vm.keychainAvailable());
        grid.add(envKeys, 1, row++);

        section("Files");
        field("Config file", readOnly(vm.configFile()));
        field("History and data", readOnly(vm.dataDir()));

        var save = new Button("Save settings");
        save.setId("saveSettings");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.validBinding().not().or(vm.dirtyBinding().not()));
        save.setOnAction(e -> vm.save());
        var revert = new Button("Revert");
        revert.disableProperty().bind(vm.dirtyBinding().not());
        revert.setOnAction(e -> vm.reload());
        var message = new Label();
        message.setId("settingsMessage");
        message.textProperty().bind(vm.messageProperty());
        grid.add(new HBox(8, save, revert, message), 1, row++);

        var decorated = new DecorationPane(); // see TargetEditorView: keeps ControlsFX from swapping the scene root
        decorated.setRoot(grid);
        root.setContent(decorated);
        root.setFitToWidth(true);
    }

    private void section(String title) {
        var label = new Label(title);
        label.getStyleClass().add("section");
        GridPane.setHalignment(label, HPos.LEFT);
        grid.add(label, 0, row++, 2, 1);
    }

    private void hint(String text) {
        var label = new Label(text);
        label.getStyleClass().add("hint");
        grid.add(label, 1, row++);
    }

    private void field(String label, Node control) {
        grid.add(new Label(label), 0, row);
        grid.add(control, 1, row++);
    }

    private static TextField text(String id, StringProperty property, int columns) {
        var field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static TextField readOnly(String text) {
        var field = new TextField(text);
        field.setEditable(false);
        field.setFocusTraversable(false);
        return field;
    }
}
