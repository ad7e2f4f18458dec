package dev.ccbridge.app.usage;

import dev.ccbridge.app.log.LogFormat;
import dev.ccbridge.core.log.UsageReport;
import dev.ccbridge.app.theme.Texts;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Usage tab: a chart of tokens per day and target; totals per target with a total line, and
 * per day, numbers right-aligned; their cost ("-" where no price is known).
 */
public final class UsageView {
    private static final PseudoClass TOTAL = PseudoClass.getPseudoClass("total");
    private static final double ROW = 24;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d");

    private final UsageViewModel vm;
    private final VBox root = new VBox();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());

    public UsageView(UsageViewModel vm) {
        this.vm = vm;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        root.getStyleClass().add("page");
        ChoiceBox<Integer> period = new ChoiceBox<>();
        period.setId("usagePeriod");
        period.getItems().setAll(1, 7, 30, 90, 365);
        period.setConverter(Texts.labels(days -> days == null ? "" : days == 1 ? "Today" : "Last " + days + " days"));
        period.setValue(vm.days.get());
        period.valueProperty().addListener((obs, old, days) -> vm.days.set(days));
        var refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        var totals = new Label();
        totals.setId("usageTotals");
        totals.getStyleClass().add("muted");
        totals.textProperty().bind(vm.totalsProperty());
        var top = new HBox(8, new Label("Period"), period, refresh, totals);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        chart.setId("usageChart");
        chart.setTitle("Tokens per day (input and output)");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(140);
        ((NumberAxis) chart.getYAxis()).setTickLabelFormatter(Texts.labels(value -> LogFormat.count(value.longValue())));
        vm.byDay().addListener((ListChangeListener<UsageReport.Line>) change -> redrawChart());

        var byTarget = table("usageByTarget", vm.byTarget(), false);
        // As tall as its lines (a few targets and the total), so the days get the rest.
        byTarget.prefHeightProperty().bind(Bindings.size(vm.byTarget()).multiply(ROW).add(ROW + 8));
        byTarget.setMinHeight(Region.USE_PREF_SIZE);
        byTarget.setMaxHeight(Region.USE_PREF_SIZE);
        var byDay = table("usageByDay", vm.byDay(), true);
        var tables = new VBox(6, title("By target"), byTarget, title("By day"), byDay);
        VBox.setVgrow(byDay, Priority.ALWAYS);
        var split = new SplitPane(chart, tables);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.34);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(top, split);
    }

    /** One series per target; days oldest first along the axis. */
    private void redrawChart() {
        Map<String, XYChart.Series<String, Number>> series = new TreeMap<>();
        SortedSet<LocalDate> days = new TreeSet<>();
        vm.byDay().forEach(line -> days.add(line.day()));
        ((CategoryAxis) chart.getXAxis()).getCategories().setAll(days.stream().map(UsageView::day).toList());
        for (UsageReport.Line line : vm.byDay().reversed()) {
            var s = series.computeIfAbsent(line.target(), name -> {
                var created = new XYChart.Series<String, Number>();
                created.setName(name);
                return created;
            });
            s.getData().add(new XYChart.Data<>(day(line.day()), line.inputTokens() + line.outputTokens()));
        }
        chart.getData().setAll(series.values());
    }

    private static String day(LocalDate day) {
        return DAY.format(day);
    }

    private static Label title(String text) {
        var label = new Label(text);
        label.getStyleClass().add("page-title");
        return label;
    }

    private static TableView<UsageReport.Line> table(String id, ObservableList<UsageReport.Line> items,
                                                       boolean withDay) {
        var table = new TableView<>(items);
        table.setId(id);
        table.getStyleClass().add("usage-table");
        table.setFixedCellSize(ROW);
        table.setPlaceholder(new Label("No requests in this period."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(UsageReport.Line line, boolean empty) {
                super.updateItem(line, empty);
                pseudoClassStateChanged(TOTAL, !empty && line != null && line.total());
            }
        });
        if (withDay) {
            table.getColumns().add(column("Day", line -> line.day().toString(), false));
        }
        table.getColumns().add(column("Target", line -> line.total() ? "Total" : line.target(), false));
        table.getColumns().add(column("Requests", line -> String.valueOf(line.requests()), true));
        table.getColumns().add(column("Errors", line -> String.valueOf(line.errors()), true));
        table.getColumns().add(column("Input", line -> LogFormat.count(line.inputTokens()), true));
        table.getColumns().add(column("Output", line -> LogFormat.count(line.outputTokens()), true));
        table.getColumns().add(column("Cache read", line -> LogFormat.count(line.cacheReadTokens()), true));
        table.getColumns().add(column("Cache write", line -> LogFormat.count(line.cacheWriteTokens()), true));
        table.getColumns().add(column("Cost", UsageReport.Line::costText, true));
        return table;
    }

    /** A column; the totals line stays last, so the tables are not sorted by clicking. */
    private static TableColumn<UsageReport.Line, String> column(String title,
                                                                   Function<UsageReport.Line, String> value,
                                                                   boolean number) {
        var column = new TableColumn<UsageReport.Line, String>(title);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        if (number) {
            column.getStyleClass().add("number");
        }
        return column;
    }
}
