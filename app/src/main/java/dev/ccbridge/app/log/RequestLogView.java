package dev.ccbridge.app.log;

import dev.ccbridge.app.theme.ThemeManager;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.io.File;
import java.io.IOException;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The Request log tab: the live table, its toolbar, and the detail pane with replay. */
public final class RequestLogView {
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");

    private final RequestLogViewModel vm;
    private final TargetRegistry registry;
    private final ThemeManager theme;
    private final VBox root = new VBox();
    private final TableView<LogRow> table = new TableView<>();
    private ReplayWindow replayWindow;

    public RequestLogView(RequestLogViewModel vm, TargetRegistry registry, ThemeManager theme) {
        this.vm = vm;
        this.registry = registry;
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
        table.getColumns().add(column("Time", 68, LogFormat::time));
        table.getColumns().add(column("Target", 90, LogFormat::target));
        table.getColumns().add(column("Model (requested \u2192 upstream)", 268, LogFormat::models));
        table.getColumns().add(column("Mode", 125, r -> r.routing().apiMode()));
        table.getColumns().add(column("Stream", 64, LogFormat::stream));
        TableColumn<LogRow, String> status = column("Status", 52, LogFormat::status);
        status.setCellFactory(c -> new StatusCell());
        table.getColumns().add(status);
        table.getColumns().add(column("TTFT", 62, LogFormat::firstToken));
        table.getColumns().add(column("Duration", 76, LogFormat::duration));
        table.getColumns().add(column("In", 55, LogFormat::inputTokens));
        table.getColumns().add(column("Out", 50, LogFormat::outputTokens));
        table.getColumns().add(column("Cache r / w", 85, LogFormat::cacheTokens));
        table.getColumns().add(column("Error", 200, LogFormat::error));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.selected.set(row));

        var summary = new Label();
        summary.setId("detailSummary");
        summary.getStyleClass().add("detail-summary");
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.textProperty().bind(vm.summaryProperty());
        var requestBody = body("requestBody", vm.requestTextProperty());
        var responseBody = body("responseBody", vm.responseTextProperty());
        var bodies = new TabPane(new Tab("Request", requestBody), new Tab("Response", responseBody));
        bodies.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(bodies, Priority.ALWAYS);

        ComboBox<Target> replayTarget = new ComboBox<>();
        replayTarget.setId("replayTarget");
        replayTarget.setPromptText("another target");
        replayTarget.setConverter(new StringConverter<>() {
            @Override
            public String toString(Target target) {
                return target == null ? "" : target.displayName();
            }

            @Override
            public Target fromString(String text) {
                return null;
            }
        });
        replayTarget.setOnShowing(e -> replayTarget.getItems().setAll(registry.targets()));
        var replay = new Button("Replay");
        replay.setId("replay");
        replay.disableProperty().bind(vm.selected.isNull().or(replayTarget.valueProperty().isNull()));
        replay.setOnAction(e -> vm.replaySelected(replayTarget.getValue()));
        var replayRow = new HBox(8, new Label("Send this request again to"), replayTarget, replay);
        replayRow.getStyleClass().add("toolbar-row");
        var status1 = new Label();
        status1.setId("logStatus");
        status1.getStyleClass().add("muted");
        status1.textProperty().bind(vm.statusProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        replayRow.getChildren().addAll(spacer, status1);

        var detail = new VBox(6, summary, replayRow, bodies);
        detail.getStyleClass().add("page");
        var split = new SplitPane(table, detail);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.55);
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

    private void export() {
        var chooser = new FileChooser();
        chooser.setTitle("Export the request log");
        chooser.setInitialFileName("ccbridge-requests.jsonl");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            try {
                vm.export(file.toPath());
            } catch (IOException e) {
                new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                        "Could not write " + file + ": " + e.getMessage()).showAndWait();
            }
        }
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
            pseudoClassStateChanged(RUNNING, record != null && record.inFlight());
            pseudoClassStateChanged(ERROR, record != null && !record.inFlight() && record.failed());
            pseudoClassStateChanged(OK, record != null && !record.inFlight() && !record.failed());
        }
    }
}
