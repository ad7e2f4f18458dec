package dev.ccbridge.app.targets;

import dev.ccbridge.app.theme.FormGrid;
import dev.ccbridge.core.target.ApiMode;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import impl.org.controlsfx.skin.DecorationPane;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * The target form. Builds nodes and binds them to the {@link TargetEditorViewModel}; ControlsFX
 * marks invalid fields with the view model's own rules, and Save stays disabled while anything
 * is invalid or nothing changed.
 */
public final class TargetEditorView {
    private final TargetEditorViewModel vm;
    private final StackPane root = new StackPane();
    private final ValidationSupport validation = new ValidationSupport();
    private final FormGrid rows = new FormGrid(7, 120);

    public TargetEditorView(TargetEditorViewModel vm) {
        this.vm = vm;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        var title = new Label();
        title.getStyleClass().add("title");
        GridPane.setHalignment(title, HPos.LEFT);
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.title()
                        + (vm.isNew() ? " (new, not saved yet)" : vm.isDirty() ? " (unsaved changes)" : ""),
                vm.formBinding(), vm.dirtyBinding(), vm.originalProperty(), vm.editingProperty()));
        rows.across(title);

        rows.section("Connection");
        TextField name = text("name", vm.name, "e.g. DeepSeek");
        field("Name", name);
        require(name, TargetForm::nameError);
        field("Provider", text("provider", vm.provider, "e.g. openai, deepseek (free text)"));
        ComboBox<ApiMode> mode = new ComboBox<>();
        mode.setId("apiMode");
        mode.getItems().setAll(ApiMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(ApiMode value) {
                return value == null ? "" : value.wireName();
            }

            @Override
            public ApiMode fromString(String text) {
                return ApiMode.fromWire(text);
            }
        });
        mode.valueProperty().bindBidirectional(vm.apiMode);
        field("API mode", mode);
        TextField baseUrl = text("baseUrl", vm.baseUrl, "e.g. https://api.openai.com/v1");
        field("Base URL", baseUrl);
        validation.registerValidator(baseUrl, false, rule(value -> TargetForm.baseUrlError(value, vm.apiMode.get())));

        TextField region = text("region", vm.region, "e.g. us-east-1");
        TextField profile = text("awsProfile", vm.awsProfile, "AWS profile (optional)");
        var bedrockRow = new HBox(8, region, profile);
        HBox.setHgrow(region, Priority.ALWAYS);
        HBox.setHgrow(profile, Priority.ALWAYS);
        Label bedrockLabel = field("AWS region", bedrockRow);
        var bedrock = Bindings.equal(vm.apiMode, ApiMode.BEDROCK_CONVERSE);
        for (Node node : new Node[] {bedrockRow, bedrockLabel}) {
            node.visibleProperty().bind(bedrock);
            node.managedProperty().bind(bedrock);
        }
        validation.registerValidator(region, false, rule(value -> TargetForm.regionError(value, vm.apiMode.get())));
        vm.apiMode.addListener((obs, old, now) -> validation.revalidate());

        rows.section("Models");
        TextField model = text("model", vm.model, "the upstream model id, e.g. deepseek-chat");
        field("Model", model);
        require(model, TargetForm::modelError);
        field("Opus tier", text("opus", vm.opus, "same as Model"));
        field("Sonnet tier", text("sonnet", vm.sonnet, "same as Model"));
        field("Haiku tier", text("haiku", vm.haiku, "same as Model (a fast, cheap model is best)"));
        rows.hint("Claude Code asks for opus, sonnet or haiku models; these say which upstream model answers each.");

        rows.section("API key");
        var key = new PasswordField();
        key.setId("apiKey");
        key.setPromptText("paste a key to store it; leave empty to keep the stored one");
        key.textProperty().bindBidirectional(vm.newKey);
        var keyStatus = new Label();
        keyStatus.setId("keyStatus");
        keyStatus.getStyleClass().add("hint");
        keyStatus.textProperty().bind(vm.keyStatusProperty());
        var removeKey = new Button("Remove stored key");
        removeKey.setId("removeKey");
        removeKey.disableProperty().bind(vm.keyStoredProperty().not());
        removeKey.setOnAction(e -> vm.removeKey());
        var keyRow = new HBox(8, key, removeKey);
        HBox.setHgrow(key, Priority.ALWAYS);
        field("API key", keyRow);
        rows.control(keyStatus);
        TextField keyEnv = text("apiKeyEnv", vm.apiKeyEnv, "optional: read the key from this variable, e.g. OPENAI_API_KEY");
        field("Key variable", keyEnv);
        validation.registerValidator(keyEnv, false, rule(TargetForm::apiKeyEnvError));

        rows.section("Extra headers");
        var headers = new TextArea();
        headers.setId("headers");
        headers.setPromptText("one per line, Name: value");
        headers.setPrefRowCount(2);
        headers.textProperty().bindBidirectional(vm.headers);
        field("Headers", headers);
        validation.registerValidator(headers, false, rule(TargetForm::headersError));

        rows.section("Prices (US$ per million tokens, optional: over the bundled prices, for cost)");
        TextField input = price("priceInput", vm.priceInput, "input");
        TextField output = price("priceOutput", vm.priceOutput, "output");
        TextField cacheRead = price("priceCacheRead", vm.priceCacheRead, "cache read");
        TextField cacheWrite = price("priceCacheWrite", vm.priceCacheWrite, "cache write");
        var prices = new HBox(8, input, output, cacheRead, cacheWrite);
        field("Prices", prices);
        var bundled = new Label();
        bundled.setId("bundledPrices");
        bundled.getStyleClass().add("muted");
        bundled.setWrapText(true);
        bundled.textProperty().bind(vm.bundledPricesBinding());
        field("", bundled);

        var save = new Button("Save");
        save.setId("save");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.canSaveBinding().not());
        save.setOnAction(e -> vm.save());
        var revert = new Button("Revert");
        revert.setId("revert");
        revert.disableProperty().bind(vm.dirtyBinding().not());
        revert.setOnAction(e -> vm.revert());
        var test = new Button("Test connection");
        test.setId("test");
        test.disableProperty().bind(vm.canTestBinding().not());
        test.setTooltip(new Tooltip("Sends one tiny real request through ccbridge to this target (save first)"));
        test.setOnAction(e -> vm.testConnection());
        var message = new Label();
        message.setId("message");
        message.getStyleClass().add("message");
        message.textProperty().bind(vm.messageProperty());
        var buttons = new HBox(8, save, revert, test, message);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        var testResult = new Label();
        testResult.setId("testResult");
        testResult.setWrapText(true);
        testResult.textProperty().bind(vm.testResultProperty());
        testResult.managedProperty().bind(testResult.textProperty().isNotEmpty());
        testResult.visibleProperty().bind(testResult.managedProperty());
        vm.testOkProperty().addListener((obs, was, ok) -> {
            testResult.getStyleClass().removeAll("ok-text", "error-text");
            testResult.getStyleClass().add(ok ? "ok-text" : "error-text");
        });
        vm.testingProperty().addListener((obs, was, now) -> {
            if (now) {
                testResult.getStyleClass().removeAll("ok-text", "error-text");
            }
        });
        var problem = new Label();
        problem.setId("problem");
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(vm.problemBinding());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        // Always in sight, below the scrolling form.
        var actions = new VBox(6, problem, buttons, testResult);
        actions.getStyleClass().add("editor-actions");

        // ControlsFX draws validation marks in a DecorationPane; without one above the fields it
        // swaps the scene's root at run time, which restyles (and warns about) the whole window.
        var decorated = new DecorationPane();
        decorated.setRoot(rows.node());
        var scroll = new ScrollPane(decorated);
        scroll.setFitToWidth(true);
        var form = new BorderPane(scroll);
        form.setBottom(actions);
        form.visibleProperty().bind(vm.editingProperty());

        var placeholder = new Label("Select a target on the left, or add one.");
        placeholder.getStyleClass().add("placeholder");
        placeholder.visibleProperty().bind(vm.editingProperty().not());
        root.getChildren().addAll(placeholder, form);
        // Loading another target re-checks every field at once.
        vm.formBinding().addListener((obs, old, now) -> validation.revalidate());
    }

    /** A captioned row whose control fills the column and is named by its caption. */
    private Label field(String label, Node control) {
        if (control instanceof Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        Label caption = rows.field(label, control);
        if (control instanceof Control c) {
            caption.setLabelFor(c);
        }
        return caption;
    }

    private static TextField text(String id, StringProperty property, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private TextField price(String id, StringProperty property, String prompt) {
        TextField field = text(id, property, prompt);
        field.setPrefColumnCount(7);
        validation.registerValidator(field, false, rule(TargetForm::priceError));
        return field;
    }

    private void require(TextInputControl control, Function<String, Optional<String>> check) {
        validation.registerValidator(control, true, rule(check));
    }

    private static Validator<String> rule(Function<String, Optional<String>> check) {
        return (control, value) -> {
            Optional<String> error = check.apply(value == null ? "" : value);
            return ValidationResult.fromErrorIf(control, error.orElse(""), error.isPresent());
        };
    }
}
