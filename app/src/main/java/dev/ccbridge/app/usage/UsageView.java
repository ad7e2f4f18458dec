package dev.ccbridge.app.usage;

import dev.ccbridge.app.log.LogFormat;
import dev.ccbridge.core.log.UsageReport;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Usage tab: totals per target and per day, with their cost ("-" where no price is known). */
public final class UsageView {
    private final UsageViewModel vm;
    private final VBox root = new VBox();

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
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer days) {
                return days == null ? "" : days == 1 ? "Today" : "Last " + days + " days";
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
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

        var byTarget = table("usageByTarget", vm.byTarget(), false);
        var byDay = table("usageByDay", vm.byDay(), true);
        VBox.setVgrow(byTarget, Priority.SOMETIMES);
        VBox.setVgrow(byDay, Priority.ALWAYS);
        var targetTitle = new Label("By target");
        targetTitle.getStyleClass().add("page-title");
        var dayTitle = new Label("By day");
        dayTitle.getStyleClass().add("page-title");
        root.getChildren().addAll(top, targetTitle, byTarget, dayTitle, byDay);
    }

    private static TableView<UsageReport.Line> table(String id, ObservableList<UsageReport.Line> items,
                                                       boolean withDay) {
        var table = new TableView<>(items);
        table.setId(id);
        table.setPlaceholder(new Label("No requests in this period."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        if (withDay) {
            table.getColumns().add(column("Day", line -> line.day().toString()));
        }
        table.getColumns().add(column("Target", UsageReport.Line::target));
        table.getColumns().add(column("Requests", line -> String.valueOf(line.requests())));
        table.getColumns().add(column("Errors", line -> String.valueOf(line.errors())));
        table.getColumns().add(column("Input", line -> LogFormat.count(line.inputTokens())));
        table.getColumns().add(column("Output", line -> LogFormat.count(line.outputTokens())));
        table.getColumns().add(column("Cache read", line -> LogFormat.count(line.cacheReadTokens())));
        table.getColumns().add(column("Cache write", line -> LogFormat.count(line.cacheWriteTokens())));
        table.getColumns().add(column("Cost", UsageReport.Line::costText));
        table.setPrefHeight(withDay ? 260 : 160);
        return table;
    }

    private static TableColumn<UsageReport.Line, String> column(String title,
                                                                   Function<UsageReport.Line, String> value) {
        var column = new TableColumn<UsageReport.Line, String>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
