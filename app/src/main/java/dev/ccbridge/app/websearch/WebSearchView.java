package dev.ccbridge.app.websearch;

import dev.ccbridge.app.theme.FieldMarks;
import dev.ccbridge.app.theme.FormGrid;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** The Web search tab: the backend ccbridge searches with, its key, a test search, who searches per target. */
public final class WebSearchView {
    private final WebSearchViewModel vm;
    private final ScrollPane root = new ScrollPane();
    private final FormGrid rows = new FormGrid(8, 150);
    private final ValidationSupport validation = FieldMarks.validation();

    public WebSearchView(WebSearchViewModel vm) {
        this.vm = vm;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        rows.section("Search backend");
        rows.hint("Claude Code's WebSearch on targets without a search of their own. OpenAI (Responses) and"
                + " OpenRouter targets search themselves; others search through the backend chosen here.");
        rows.field("Service", backendChoice());

        TextField baseUrl = text("searchBaseUrl", 32);
        baseUrl.textProperty().bindBidirectional(vm.baseUrl);
        baseUrl.promptTextProperty().bind(vm.backend.map(choice -> choice.backend() == null
                || choice.backend().defaultEndpoint() == null ? "" : choice.backend().defaultEndpoint()));
        validation.registerValidator(baseUrl, false, (c, v) -> result(c));
        rows.field("Base URL", baseUrl);
        rows.hint("Empty: the service's public address. SearXNG: your instance, with format=json allowed.");

        TextField results = text("searchMaxResults", 6);
        results.textProperty().bindBidirectional(vm.maxResults);
        rows.field("Pages per search", results);

        var key = new PasswordField();
        key.setId("searchKey");
        key.setPrefColumnCount(32);
        key.setMaxWidth(Region.USE_PREF_SIZE);
        key.setPromptText("kept in the key store, never in the config file");
        key.textProperty().bindBidirectional(vm.apiKey);
        key.disableProperty().bind(vm.backend.map(choice -> choice.backend() == null || !choice.backend().needsKey()));
        rows.field("API key", key);
        var keyStatus = new Label();
        keyStatus.setId("searchKeyStatus");
        keyStatus.setWrapText(true);
        keyStatus.textProperty().bind(vm.keyStatusProperty());
        rows.control(keyStatus);

        var save = new Button("Save");
        save.setId("saveSearch");
        save.disableProperty().bind(vm.validBinding().not().or(vm.dirtyBinding().not()));
        save.setOnAction(e -> vm.save());
        var test = new Button("Test search");
        test.setId("testSearch");
        test.disableProperty().bind(vm.dirtyBinding());
        test.setOnAction(e -> vm.testSearch());
        var message = new Label();
        message.setId("searchMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        rows.control(new HBox(8, save, test, message));

        rows.section("Who searches");
        var who = new Label();
        who.setId("whoSearches");
        who.setWrapText(true);
        who.textProperty().bind(vm.whoSearchesProperty());
        rows.control(who);

        root.setContent(rows.node());
        root.setFitToWidth(true);
    }

    /** One button per backend (a handful, all visible at once), bound both ways to the model's choice. */
    private HBox backendChoice() {
        var group = new ToggleGroup();
        var buttons = new HBox(12);
        buttons.setId("searchBackend");
        for (WebSearchViewModel.Choice choice : WebSearchViewModel.CHOICES) {
            var button = new RadioButton(choice.toString());
            button.setUserData(choice);
            button.setToggleGroup(group);
            button.setSelected(choice.equals(vm.backend.get()));
            buttons.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.backend.set((WebSearchViewModel.Choice) now.getUserData());
            }
        });
        vm.backend.addListener((obs, old, now) -> group.getToggles().forEach(
                toggle -> toggle.setSelected(toggle.getUserData().equals(now))));
        return buttons;
    }

    private ValidationResult result(Control control) {
        var problem = vm.problem();
        return ValidationResult.fromErrorIf(control, problem.orElse(""), problem.isPresent());
    }

    private static TextField text(String id, int columns) {
        var field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        return field;
    }
}
