package dev.ccbridge.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.MainWindow;
import dev.ccbridge.app.log.LogRow;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.testing.FxWait;
import dev.ccbridge.app.testing.Records;
import dev.ccbridge.app.testing.Snapshots;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.UiThreadGuard;
import dev.ccbridge.core.log.RequestRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The dark theme in a real window: the colours that were wrong in it. */
@ExtendWith(ApplicationExtension.class)
class DarkThemeFxTest {
    @RegisterExtension
    final UiThreadGuard guard = UiThreadGuard.fx();

    @TempDir
    static Path dir;

    private AppContext context;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        context = TestApp.open(Files.createTempDirectory(dir, "app"));
        window = TestApp.showWindow(stage, guard.guard(TestApp.services(context)),
                AppSettings.Theme.DARK);
        window.showLog();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void anUnfocusedTablesSelectedRowStaysDarkAndTheErrorRedStaysBright(FxRobot robot) throws Exception {
        context.log().publish(record("r1", 200));
        context.log().publish(record("r2", 429));
        TableView<LogRow> table = robot.lookup("#logTable").queryTableView();
        FxWait.until("two rows", () -> table.getItems().size() == 2);
        robot.clickOn(FxWait.shown(robot, "DeepSeek"));
        robot.clickOn("#logFilter"); // the table loses the focus, its row stays selected
        FxWait.until("the table unfocused", () -> !table.isFocused());
        Snapshots.save(table.getScene(), "dark-theme-log");

        TableRow<?> selected = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(TableRow::isSelected).findFirst().orElseThrow();
        Color bar = (Color) selected.getBackground().getFills().getLast().getFill();
        assertThat(bar.getBrightness()).as("the selected row's bar, %s", bar).isLessThan(0.45);

        TableCell<?, ?> limited = robot.lookup(".status-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> "429".equals(c.getText())).findFirst().orElseThrow();
        Color red = (Color) limited.getTextFill();
        assertThat(red.getRed()).as("a red, %s", red).isGreaterThan(0.9);
        assertThat(red.getBrightness()).as("bright on the dark rows, %s", red).isGreaterThan(0.9);
    }

    private static RequestRecord record(String id, int status) {
        return Records.finished(id, Instant.now(), "deepseek", "DeepSeek", "deepseek-chat", status,
                status == 429 ? new RequestRecord.Failure("rate_limit_error", "slow down") : null, 100L, 900L, null);
    }
}
