package dev.ccbridge.app.targets;

import dev.ccbridge.app.theme.FieldMarks;
import dev.ccbridge.app.theme.FormGrid;
import dev.ccbridge.app.theme.Texts;
import dev.ccbridge.core.target.ApiMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * The target form. Builds nodes and binds them to the {@link TargetEditorViewModel}; invalid
 * fields are marked with the view model's own rules ({@link FieldMarks}), and Save stays
 * disabled while anything is invalid or nothing changed.
 */
public final class TargetEditorView {
    private final TargetEditorViewModel vm;
    private final TargetFields fields;
    private final List<String> providers;
    private final Predicate<ApiMode> served;
    private final StackPane root = new StackPane();
    private final ValidationSupport validation = FieldMarks.validation();
    private final FormGrid rows = new FormGrid(7, 160);

    /**
     * @param providers the providers the presets know (the Provider box offers them)
     * @param served    whether this version can serve an API mode
     */
    public TargetEditorView(TargetEditorViewModel vm, List<String> providers, Predicate<ApiMode> served) {
        this.vm = vm;
        this.fields = vm.fields;
        this.providers = providers;
        this.served = served;
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

        connection();
        models();
        apiKey();
        rows.section("Fallbacks");
        field("Fallbacks", new FallbacksField(vm).node());
        rows.hint("Tried in this order when this target is unreachable, silent, rate limited or failing"
                + " (never when it refuses the request itself).");
        limits();
        rows.section("Extra headers");
        var headers = new TextArea();
        headers.setId("headers");
        headers.setPromptText("one per line, Name: value");
        headers.setPrefRowCount(2);
        headers.textProperty().bindBidirectional(fields.headers);
        field("Headers", headers);
        check(headers, TargetForm::headersError);
        prices();
        capabilities();

        var scroll = new ScrollPane(rows.node());
        scroll.getStyleClass().add("target-form");
        scroll.setFitToWidth(true);
        var form = new BorderPane(scroll);
        form.setBottom(actions());
        form.visibleProperty().bind(vm.editingProperty());

        var placeholder = new Label("Select a target on the left, or add one.");
        placeholder.getStyleClass().add("placeholder");
        placeholder.visibleProperty().bind(vm.editingProperty().not());
        root.getChildren().addAll(placeholder, form);
        // Loading another target re-checks every field at once.
        vm.formBinding().addListener((obs, old, now) -> validation.revalidate());
    }

    private void connection() {
        rows.section("Connection");
        TextField name = text("name", fields.name, "e.g. DeepSeek");
        field("Name", name);
        check(name, TargetForm::nameError);

        ComboBox<String> provider = new ComboBox<>();
        provider.setId("provider");
        provider.setEditable(true);
        provider.getItems().setAll(providers);
        provider.setPromptText("a preset's provider, or any name");
        // The editor's text is the value: typed names count at once, chosen ones fill it in.
        provider.getEditor().textProperty().bindBidirectional(fields.provider);
        field("Provider", provider);

        ChoiceBox<ApiMode> mode = new ChoiceBox<>();
        mode.setId("apiMode");
        mode.getItems().setAll(ApiMode.values());
        mode.setConverter(Texts.labels(m -> m == null ? "" : ModeNames.of(m)
                + (served.test(m) ? "" : " (not available in this version)")));
        mode.valueProperty().bindBidirectional(fields.apiMode);
        field("API mode", mode);

        TextField baseUrl = text("baseUrl", fields.baseUrl, "e.g. https://api.openai.com/v1");
        field("Base URL", baseUrl);
        check(baseUrl, value -> TargetForm.baseUrlError(value, fields.apiMode.get()));

        TextField region = text("region", fields.region, "e.g. us-east-1");
        TextField profile = text("awsProfile", fields.awsProfile, "AWS profile (optional)");
        var bedrockRow = new HBox(8, region, profile);
        HBox.setHgrow(region, Priority.ALWAYS);
        HBox.setHgrow(profile, Priority.ALWAYS);
        Label bedrockLabel = field("AWS region", bedrockRow);
        var bedrock = Bindings.equal(fields.apiMode, ApiMode.BEDROCK_CONVERSE);
        for (Node node : new Node[] {bedrockRow, bedrockLabel}) {
            node.visibleProperty().bind(bedrock);
            node.managedProperty().bind(bedrock);
        }
        check(region, value -> TargetForm.regionError(value, fields.apiMode.get()));
        fields.apiMode.addListener((obs, old, now) -> validation.revalidate());
    }

    private void models() {
        rows.section("Models");
        TextField model = text("model", fields.model, "the upstream model id, e.g. deepseek-chat");
        field("Model", model);
        check(model, TargetForm::modelError);
        field("Opus tier", text("opus", fields.opus, "same as Model"));
        field("Sonnet tier", text("sonnet", fields.sonnet, "same as Model"));
        field("Haiku tier", text("haiku", fields.haiku, "same as Model (a fast, cheap model is best)"));
        rows.hint("Claude Code asks for opus, sonnet or haiku models; these say which upstream model answers each.");
    }

    private void apiKey() {
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
        removeKey.setMinWidth(Region.USE_PREF_SIZE); // the key field gives way in a small window
        var keyRow = new HBox(8, key, removeKey);
        HBox.setHgrow(key, Priority.ALWAYS);
        field("API key", keyRow);
        rows.control(keyStatus);
        TextField keyEnv = text("apiKeyEnv", fields.apiKeyEnv,
                "optional: read the key from this variable, e.g. OPENAI_API_KEY");
        field("Key variable", keyEnv);
        check(keyEnv, TargetForm::apiKeyEnvError);
    }

    private void limits() {
        rows.section("Time limits and retries");
        for (Limit limit : Limit.values()) {
            TextField field = text("limit-" + limit.option(), fields.limit(limit), limit.byDefault());
            field.setMaxWidth(160);
            check(field, limit::error);
            field(limit.caption(), field);
        }
        rows.hint("Blank fields keep ccbridge's defaults (shown in grey). All of these apply before the first byte"
                + " of an answer reaches Claude Code.");
    }

    private void prices() {
        rows.section("Prices (US$ per million tokens, optional: over the bundled prices, for cost)");
        // One row each: four unnamed boxes said nothing once filled in.
        field("Input", price("priceInput", fields.priceInput));
        field("Output", price("priceOutput", fields.priceOutput));
        field("Cache read", price("priceCacheRead", fields.priceCacheRead));
        field("Cache write", price("priceCacheWrite", fields.priceCacheWrite));
        var bundled = new Label();
        bundled.setId("bundledPrices");
        bundled.getStyleClass().add("hint");
        bundled.setWrapText(true);
        bundled.textProperty().bind(vm.bundledPricesBinding());
        rows.control(bundled);
    }

    private void capabilities() {
        rows.section("Model capabilities (overrides of the catalog)");
        var note = new Label();
        note.getStyleClass().add("hint");
        note.textProperty().bind(Bindings.createStringBinding(() -> fields.model.get().isBlank() ? ""
                : "Blank fields keep what ccbridge's catalog says about " + fields.model.get().strip()
                + " (shown in grey).", fields.model));
        rows.control(note);
        for (Capability capability : Capability.values()) {
            Control control = capability.choices().isEmpty() ? capabilityText(capability) : capabilityChoice(capability);
            field(capability.caption(), control);
        }
    }

    /** A number or a list of names; its prompt is the catalog's value for the model. */
    private TextField capabilityText(Capability capability) {
        TextField field = text("capability-" + capability.name(), fields.capability(capability), "");
        field.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            String known = capability.text(vm.catalogBinding().get());
            return known.isEmpty() ? "" : known + (capability == Capability.REJECTS ? " (e.g. temperature, top_p)" : "");
        }, vm.catalogBinding()));
        field.setMaxWidth(capability == Capability.REJECTS ? Double.MAX_VALUE : 160);
        check(field, value -> CapabilitiesForm.error(capability, value));
        return field;
    }

    /**
     * A choice of the capability's values; the first, "", keeps the catalog's (named after it), and
     * an unknown value from the file stays.
     */
    private ChoiceBox<String> capabilityChoice(Capability capability) {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.setId("capability-" + capability.name());
        List<String> values = new ArrayList<>(List.of(""));
        values.addAll(capability.choices());
        box.getItems().setAll(values);
        Runnable label = () -> box.setConverter(Texts.labels(wire -> wire == null || wire.isEmpty()
                ? "As the catalog says: " + capability.catalogLabel(vm.catalogBinding().get())
                : capability.label(wire)));
        label.run();
        vm.catalogBinding().addListener((obs, old, now) -> label.run());
        StringProperty value = fields.capability(capability);
        value.addListener((obs, old, now) -> {
            if (now != null && !box.getItems().contains(now)) {
                box.getItems().add(now);
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private VBox actions() {
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
        buttons.setAlignment(Pos.CENTER_LEFT);

        var testResult = new Label();
        testResult.setId("testResult");
        testResult.setWrapText(true);
        testResult.textProperty().bind(vm.testResultProperty());
        Texts.onlyWithText(testResult);
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
        Texts.onlyWithText(problem);

        // Always in sight, below the scrolling form.
        var actions = new VBox(6, problem, buttons, testResult);
        actions.getStyleClass().add("editor-actions");
        return actions;
    }

    /** A captioned row whose control fills the column (unless it set a width) and is named by its caption. */
    private Label field(String label, Node control) {
        if (control instanceof Control c && c.getMaxWidth() == Control.USE_COMPUTED_SIZE) {
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

    private TextField price(String id, StringProperty property) {
        TextField field = text(id, property, "");
        field.setPrefColumnCount(7);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        check(field, TargetForm::priceError);
        return field;
    }

    /** Marks the control while {@code rule} finds something wrong with its text. */
    private void check(Control control, Function<String, Optional<String>> rule) {
        Validator<String> validator = (c, value) -> {
            Optional<String> error = rule.apply(value == null ? "" : value);
            return ValidationResult.fromErrorIf(c, error.orElse(""), error.isPresent());
        };
        validation.registerValidator(control, false, validator);
    }
}
