package dev.ccbridge.app.routing;

import dev.ccbridge.app.theme.FieldMarks;
import dev.ccbridge.app.theme.FormGrid;
import dev.ccbridge.core.target.RoutingRule.Condition;
import dev.ccbridge.core.target.Target;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** The Routing tab: the rules in a table (each target's own first, then the global ones) and a form that adds one. */
public final class RoutingView {
    private final RoutingViewModel vm;
    private final ValidationSupport validation = FieldMarks.validation();
    private final VBox root = new VBox(10);

    public RoutingView(RoutingViewModel vm) {
        this.vm = vm;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        var intro = new Label("Send some of Claude Code's requests to another target: haiku-tier background work to a"
                + " cheap model, images to a model that sees them, long contexts to a long-context model. A target's"
                + " own rules are tried first, then the ones for every target. A target's own URL is never moved;"
                + " from inside Claude Code, /model target,model picks a target too.");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE); // wraps in a small window instead of being cut

        TableView<RoutingViewModel.Row> table = table();
        var remove = new Button("Remove");
        remove.setId("removeRule");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.remove(table.getSelectionModel().getSelectedItem()));

        var message = new Label();
        message.setId("routingMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        root.getChildren().addAll(intro, table, new HBox(8, remove, message), form());
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(12));
    }

    private TableView<RoutingViewModel.Row> table() {
        var table = new TableView<>(vm.rows());
        table.setId("routingRules");
        table.setPlaceholder(new Label("No rules: every request goes to the target Claude Code addresses."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("For requests to", 180, RoutingViewModel.Row::scope));
        var number = column("#", 40, row -> String.valueOf(row.placed().number()));
        number.setMaxWidth(60);
        table.getColumns().add(number);
        table.getColumns().add(column("When", 440, RoutingViewModel.Row::when));
        table.getColumns().add(column("Goes to", 260, RoutingViewModel.Row::to));
        table.setPrefHeight(220);
        return table;
    }

    private Node form() {
        var rows = new FormGrid(8, 150);
        rows.section("Add a rule");

        var scope = new ComboBox<>(vm.scopes());
        scope.setId("ruleScope");
        scope.valueProperty().bindBidirectional(vm.scope);
        keepShowingChoice(scope);
        rows.field("For requests to", scope);

        var when = new ComboBox<Condition>();
        when.setId("ruleWhen");
        when.getItems().setAll(RoutingViewModel.CONDITIONS);
        when.setConverter(converter(RoutingViewModel::describe));
        when.valueProperty().bindBidirectional(vm.when);
        rows.field("When", when);

        var to = new ComboBox<>(vm.targets());
        to.setId("ruleTo");
        to.setConverter(converter(target -> target == null ? "" : target.displayName()));
        to.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Target item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : item.displayName());
            }
        });
        to.valueProperty().bindBidirectional(vm.to);
        keepShowingChoice(to);
        validation.registerValidator(to, false, (c, v) -> result(c));
        rows.field("Goes to", to);

        var model = text("ruleModel", 24, "empty: that target's own mapping of the model");
        model.textProperty().bindBidirectional(vm.model);
        rows.field("Model", model);

        var above = text("ruleAbove", 10, "the model's window");
        above.textProperty().bindBidirectional(vm.above);
        above.disableProperty().bind(vm.when.isNotEqualTo(Condition.LONG_CONTEXT));
        validation.registerValidator(above, false, (c, v) -> result(c));
        rows.field("Over (tokens)", above);

        var add = new Button("Add rule");
        add.setId("addRule");
        add.disableProperty().bind(vm.validBinding().not());
        add.setOnAction(e -> vm.add());
        rows.control(add);
        return rows.node();
    }

    /** A box whose list is replaced by an equal one keeps showing its choice (it would go blank). */
    private static <T> void keepShowingChoice(ComboBox<T> box) {
        box.getItems().addListener((ListChangeListener<T>) change -> box.getSelectionModel().select(box.getValue()));
    }

    private ValidationResult result(Control control) {
        var problem = vm.problem();
        return ValidationResult.fromErrorIf(control, problem.orElse(""), problem.isPresent());
    }

    private static TableColumn<RoutingViewModel.Row, String> column(String title, double width,
                                                                    Function<RoutingViewModel.Row, String> text) {
        var column = new TableColumn<RoutingViewModel.Row, String>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }

    private static TextField text(String id, int columns, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        field.setPromptText(prompt);
        return field;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("chosen from the list, never typed");
            }
        };
    }
}
