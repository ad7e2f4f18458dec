package dev.ccbridge.app.log;

import dev.ccbridge.app.services.TargetStore;
import dev.ccbridge.app.theme.Texts;
import dev.ccbridge.app.theme.ThemeManager;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.target.Target;
import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The Request log tab: the live table, its toolbar, and the detail pane with replay. */
public final class RequestLogView {
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    private static final PseudoClass CANCELLED = PseudoClass.getPseudoClass("cancelled");

    private final RequestLogViewModel vm;
    private final TargetStore targets;
    private final ThemeManager theme;
    private final VBox root = new VBox();
    private final TableView<LogRow> table = new TableView<>();
    private ReplayWindow replayWindow;

    public RequestLogView(RequestLogViewModel vm, TargetStore targets, ThemeManager theme) {
        this.vm = vm;
        this.targets = targets;
        this.theme = theme;
        build();
    }

    public Node node() {
        return root;
    }

    public TableView<LogRow> table() {
        return table;
    }

    private void build() {
        var filter = new TextField();
        filter.setId("logFilter");
        filter.setPromptText("Filter: target, model, status, error\u2026");
        filter.textProperty().bindBidirectional(vm.filter);
        HBox.setHgrow(filter, Priority.ALWAYS);
        var pause = new ToggleButton();
        pause.setId("pause");
        pause.selectedProperty().bindBidirectional(vm.paused);
        pause.textProperty().bind(Bindings.createStringBinding(() -> vm.paused.get()
                ? "Resume" + (vm.heldCountProperty().get() > 0 ? " (" + vm.heldCountProperty().get() + " new)" : "")
                : "Pause", vm.paused, vm.heldCountProperty()));
        var clear = new Button("Clear");
        clear.setId("clear");
        clear.setOnAction(e -> vm.clear());
        var export = new Button("Export JSONL\u2026");
        export.setId("export");
        export.setOnAction(e -> export());
        var count = new Label();
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.visibleRows().size() == vm.rows().size()
                        ? vm.rows().size() + " requests"
                        : vm.visibleRows().size() + " of " + vm.rows().size() + " requests",
                vm.visibleRows(), vm.rows()));
        var toolbar = new HBox(filter, pause, clear, export, count);
        toolbar.getStyleClass().add("toolbar-row");

        table.setId("logTable");
        table.getStyleClass().add("log-table");
        table.setItems(vm.visibleRows());
        table.setPlaceholder(new Label("No requests yet. Point Claude Code at ccbridge (Copy env vars) and run claude."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Model and Error get the room (and give it up first in a small window); the short columns keep
        // what their values need.
        table.getColumns().add(fixed(column("Time", 68, LogFormat::time)));
        table.getColumns().add(flexible(column("Target", 88, LogFormat::target), 70));
        // Cut in the middle, so both the requested and the upstream model stay readable.
        var model = flexible(column("Model (requested \u2192 upstream)", 290, LogFormat::models), 170);
        model.getStyleClass().add("middle-cut");
        table.getColumns().add(model);
        table.getColumns().add(fixed(column("Mode", 96, LogFormat::mode)));
        TableColumn<LogRow, String> status = fixed(column("Status", 56, LogFormat::status));
        status.setCellFactory(c -> new StatusCell());
        table.getColumns().add(status);
        table.getColumns().add(number(column("TTFT", 60, LogFormat::firstToken)));
        table.getColumns().add(number(column("Duration", 72, LogFormat::duration)));
        table.getColumns().add(number(column("In", 52, LogFormat::inputTokens)));
        table.getColumns().add(number(column("Out", 46, LogFormat::outputTokens)));
        table.getColumns().add(number(column("Cache r/w", 80, LogFormat::cacheTokens)));
        table.getColumns().add(flexible(column("Error", 300, LogFormat::errorMessage), 110));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.selected.set(row));

        var split = new SplitPane(table, detail());
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(toolbar, split);

        vm.replayProperty().addListener((obs, old, result) -> {
            if (result != null && root.getScene() != null) {
                if (replayWindow == null) {
                    replayWindow = new ReplayWindow(root.getScene().getWindow(), theme);
                }
                replayWindow.show(result);
            }
        });
    }

    /** The selected request: its summary, replay, and both bodies side by side; a hint while none is selected. */
    private Node detail() {
        var summary = new Label();
        summary.setId("detailSummary");
        summary.getStyleClass().add("detail-summary");
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(vm.summaryProperty());

        ComboBox<Target> replayTarget = new ComboBox<>();
        replayTarget.setId("replayTarget");
        replayTarget.setPromptText("another target");
        replayTarget.setConverter(Texts.labels(target -> target == null ? "" : target.displayName()));
        replayTarget.setOnShowing(e -> replayTarget.getItems().setAll(targets.targets()));
        var replay = new Button("Replay");
        replay.setId("replay");
        replay.disableProperty().bind(vm.selected.isNull().or(replayTarget.valueProperty().isNull()));
        replay.setOnAction(e -> vm.replaySelected(replayTarget.getValue()));
        var replayRow = new HBox(8, new Label("Send this request again to"), replayTarget, replay);
        replayRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        var bodies = new SplitPane(titled("Request", body("requestBody", vm.requestTextProperty())),
                titled("Response", body("responseBody", vm.responseTextProperty())));
        VBox.setVgrow(bodies, Priority.ALWAYS);
        var detail = new VBox(6, summary, replayRow, bodies);
        detail.getStyleClass().add("detail");
        detail.visibleProperty().bind(vm.selected.isNotNull());

        var hint = new Label("Select a request to see its request and response, the targets it tried, and to send it"
                + " again to another target.");
        hint.setId("detailHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("placeholder");
        hint.visibleProperty().bind(vm.selected.isNull());

        var status = new Label();
        status.setId("logStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        Texts.onlyWithText(status);
        var stack = new StackPane(hint, detail);
        VBox.setVgrow(stack, Priority.ALWAYS);
        var pane = new VBox(4, stack, status);
        pane.getStyleClass().add("page");
        return pane;
    }

    private void export() {
        var chooser = new FileChooser();
        chooser.setTitle("Export the request log");
        chooser.setInitialFileName("ccbridge-requests.jsonl");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            vm.export(file.toPath());
        }
    }

    private static VBox titled(String title, TextArea body) {
        var caption = new Label(title);
        caption.getStyleClass().add("column-title");
        VBox.setVgrow(body, Priority.ALWAYS);
        return new VBox(4, caption, body);
    }

    private static TextArea body(String id, javafx.beans.value.ObservableValue<String> text) {
        var area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("body-text");
        area.textProperty().bind(text);
        return area;
    }

    private static TableColumn<LogRow, String> column(String title, double width, Function<RequestRecord, String> value) {
        var column = new TableColumn<LogRow, String>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> value.apply(cell.getValue().record()), cell.getValue().recordProperty()));
        return column;
    }

    /** A right-aligned column (numbers, times) that keeps its width. */
    private static TableColumn<LogRow, String> number(TableColumn<LogRow, String> column) {
        column.getStyleClass().add("number");
        return fixed(column);
    }

    /** A column as wide as its values need, never squeezed. */
    private static TableColumn<LogRow, String> fixed(TableColumn<LogRow, String> column) {
        column.setMinWidth(column.getPrefWidth());
        return column;
    }

    /** A column that may shrink to {@code min} in a small window; its cells show their whole text in a tooltip. */
    private static TableColumn<LogRow, String> flexible(TableColumn<LogRow, String> column, double min) {
        column.setMinWidth(min);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return column;
    }

    private static final class StatusCell extends TableCell<LogRow, String> {
        StatusCell() {
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            LogRow row = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            RequestRecord record = row == null ? null : row.record();
            setText(empty ? null : item);
            LogFormat.Outcome outcome = record == null ? null : LogFormat.outcome(record);
            pseudoClassStateChanged(RUNNING, outcome == LogFormat.Outcome.RUNNING);
            pseudoClassStateChanged(ERROR, outcome == LogFormat.Outcome.FAILED);
            pseudoClassStateChanged(CANCELLED, outcome == LogFormat.Outcome.CANCELLED);
            pseudoClassStateChanged(OK, outcome == LogFormat.Outcome.OK);
        }
    }
}
