package dev.ccbridge.app.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.testing.FxWait;
import dev.ccbridge.app.testing.Records;
import dev.ccbridge.app.testing.Snapshots;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.UiThreadGuard;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.log.UsageReport;
import dev.ccbridge.core.protocol.anthropic.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javafx.geometry.Pos;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Usage tab in a real window, over a real history. */
@ExtendWith(ApplicationExtension.class)
class UsageFxTest {
    @RegisterExtension
    final UiThreadGuard guard = UiThreadGuard.fx();

    @TempDir
    static Path dir;

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = TestApp.open(Files.createTempDirectory(dir, "app"));
        RequestStore history = context.history().orElseThrow();
        Instant today = Instant.now();
        history.save(done("a", "deepseek", "DeepSeek", today, 200, 12_000, 800));
        history.save(done("b", "deepseek", "DeepSeek", today.minus(1, ChronoUnit.DAYS), 200, 30_000, 1_200));
        history.save(done("c", "kimi", "Kimi K2", today, 429, 0, 0));
        history.save(done("d", "kimi", "Kimi K2", today, 499, 9_000, 40));
        var window = TestApp.showWindow(stage, guard.guard(TestApp.services(context)),
                AppSettings.Theme.LIGHT);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void totalsLineUpOnTheRightUnderAChartAndCancelledRequestsAreNoErrors(FxRobot robot) throws Exception {
        robot.clickOn(FxWait.shown(robot, "Usage"));
        TableView<UsageReport.Line> byTarget = robot.lookup("#usageByTarget").queryTableView();
        FxWait.until("the lines", () -> byTarget.getItems().size() == 3);
        Snapshots.save(byTarget.getScene(), "usage");

        assertThat(byTarget.getItems()).extracting(UsageReport.Line::target).containsExactly("DeepSeek", "Kimi K2",
                null);
        UsageReport.Line total = byTarget.getItems().getLast();
        assertThat(total.requests()).isEqualTo(4);
        assertThat(total.errors()).as("the 429; the request Claude Code cancelled is none").isEqualTo(1);
        assertThat(robot.lookup("#usageTotals").queryLabeled().getText()).startsWith("4 requests, 1 error");

        TableCell<?, ?> totalRequests = cell(robot, "usageByTarget", "Requests", 2);
        assertThat(totalRequests.getText()).isEqualTo("4");
        assertThat(totalRequests.getAlignment()).as("numbers right-aligned").isEqualTo(Pos.CENTER_RIGHT);
        assertThat(cell(robot, "usageByTarget", "Target", 2).getText()).isEqualTo("Total");
        assertThat(((TableRow<?>) totalRequests.getParent()).getPseudoClassStates())
                .extracting(Object::toString).contains("total");
        assertThat(cell(robot, "usageByTarget", "Target", 0).getAlignment()).isEqualTo(Pos.CENTER_LEFT);

        StackedBarChart<?, ?> chart = robot.lookup("#usageChart").query();
        assertThat(chart.getData()).extracting(series -> series.getName()).containsExactly("DeepSeek", "Kimi K2");
        assertThat(chart.getData().getFirst().getData()).as("two days of DeepSeek").hasSize(2);
    }

    private static TableCell<?, ?> cell(FxRobot robot, String table, String column, int row) {
        return robot.from(robot.lookup("#" + table).queryAll()).lookup(".table-cell").queryAllAs(TableCell.class)
                .stream().filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getText())
                        && c.getIndex() == row)
                .findFirst().orElseThrow(() -> new AssertionError("no cell " + column + " in row " + row));
    }

    private static RequestRecord done(String id, String targetId, String name, Instant at, int status, long input,
                                      long output) {
        return Records.finished(id, at, targetId, name, "m", status,
                status >= 400 ? new RequestRecord.Failure("api_error", null) : null, 10L, 20L,
                status == 429 ? null : new Usage(input, output, 0, 0));
    }
}
