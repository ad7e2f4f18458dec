package dev.ccbridge.app.settings;

import dev.ccbridge.app.theme.FieldMarks;
import dev.ccbridge.app.theme.FormGrid;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** The Settings tab. */
public final class SettingsView {
    private final SettingsViewModel vm;
    private final ScrollPane root = new ScrollPane();
    private final FormGrid rows = new FormGrid(8, 150);
    private final ValidationSupport validation = FieldMarks.validation();

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        rows.section("Gateway");
        TextField port = text("port", vm.port, 8);
        validation.registerValidator(port, false, (c, v) -> {
            var error = SettingsViewModel.portError(String.valueOf(v));
            return ValidationResult.fromErrorIf(c, error.orElse(""), error.isPresent());
        });
        rows.field("Port", port);
        rows.hint("ccbridge listens on 127.0.0.1 only. A new port moves a running gateway; copy the env vars again.");
        if (!vm.sessionPortNote().isEmpty()) {
            rows.hint(vm.sessionPortNote());
        }
        var start = new CheckBox("Start serving when ccbridge starts");
        start.setId("startServing");
        start.selectedProperty().bindBidirectional(vm.startServing);
        rows.control(start);
        if (vm.startAtLoginAvailable()) {
            var login = new CheckBox("Start ccbridge when I log in");
            login.setId("startAtLogin");
            login.selectedProperty().bindBidirectional(vm.startAtLogin);
            rows.control(login);
            rows.hint("Adds " + vm.startAtLoginLocation() + "; at login ccbridge starts in the tray.");
        }

        rows.section("Request log");
        TextField logSize = text("logSize", vm.logSize, 8);
        validation.registerValidator(logSize, false, (c, v) -> {
            var error = SettingsViewModel.numberError(String.valueOf(v), AppSettings.MIN_LOG_SIZE,
                    AppSettings.MAX_LOG_SIZE);
            return ValidationResult.fromErrorIf(c, error.orElse(""), error.isPresent());
        });
        rows.field("Requests kept", logSize);
        TextField days = text("historyDays", vm.historyDays, 8);
        validation.registerValidator(days, false, (c, v) -> {
            var error = SettingsViewModel.numberError(String.valueOf(v), 1, 3650);
            return ValidationResult.fromErrorIf(c, error.orElse(""), error.isPresent());
        });
        rows.field("Days of history", days);
        rows.hint("The newest requests and the daily usage totals are kept across restarts, up to these limits.");

        rows.section("Appearance");
        ChoiceBox<AppSettings.Theme> theme = new ChoiceBox<>();
        theme.setId("theme");
        theme.getItems().setAll(AppSettings.Theme.values());
        theme.valueProperty().bindBidirectional(vm.theme);
        rows.field("Theme", theme);

        rows.section("API keys");
        var keys = new Label(vm.keyStorageDescription());
        keys.setWrapText(true);
        rows.control(keys);

        rows.section("Files");
        rows.field("Config file", readOnly(vm.configFile()));
        rows.field("History and data", readOnly(vm.dataDir()));

        var save = new Button("Save settings");
        save.setId("saveSettings");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.validBinding().not().or(vm.dirtyBinding().not()).or(vm.savingProperty()));
        save.setOnAction(e -> vm.save());
        var revert = new Button("Revert");
        revert.disableProperty().bind(vm.dirtyBinding().not());
        revert.setOnAction(e -> vm.reload());
        var message = new Label();
        message.setId("settingsMessage");
        message.textProperty().bind(vm.messageProperty());
        rows.control(new HBox(8, save, revert, message));

        root.setContent(rows.node());
        root.setFitToWidth(true);
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
