package dev.ccbridge.app.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.targets.PresetCatalog;
import dev.ccbridge.app.testing.FakeTargets;
import dev.ccbridge.app.testing.FxWait;
import dev.ccbridge.app.testing.Records;
import dev.ccbridge.app.testing.Snapshots;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.UiThreadGuard;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.fake.FakeProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The live log in a real window: requests through the in-process gateway to a fake provider. */
@ExtendWith(ApplicationExtension.class)
class RequestLogFxTest {
    @RegisterExtension
    final UiThreadGuard guard = UiThreadGuard.fx();

    @TempDir
    static Path dir;

    private FakeProvider provider;
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "app");
        provider = FakeTargets.provider();
        context = TestApp.open(home);
        Target target = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        context.secrets().put(target.secretAccount(), "sk-upstream-0123456789abcdef");
        context.server().start();
        var window = TestApp.showWindow(stage, guard.guard(TestApp.services(context)),
                AppSettings.Theme.LIGHT);
        window.showLog();
    }

    @AfterEach
    void tearDown() {
        context.close();
        provider.close();
    }

    @Test
    void requestsAppearAsTheyPassAndTheDetailShowsTheBodies(FxRobot robot) {
        TableView<LogRow> table = robot.lookup("#logTable").queryTableView();
        assertThat(table.getItems()).isEmpty();

        assertThat(TestApp.ask(context, "claude-haiku-4-5", "first question", false).statusCode()).isEqualTo(200);
        FxWait.until("the first row, finished", () -> table.getItems().size() == 1
                && !table.getItems().getFirst().record().inFlight());
        assertThat(cell(table, 0, "Target")).isEqualTo("Fake");
        assertThat(cell(table, 0, "Model (requested \u2192 upstream)")).isEqualTo("claude-haiku-4-5 \u2192 fake-model-mini");
        assertThat(cell(table, 0, "Status")).isEqualTo("200");
        assertThat(cell(table, 0, "Mode")).isEqualTo("Chat \u00b7 json");
        assertThat(cell(table, 0, "In")).isEqualTo("12");
        assertThat(cell(table, 0, "Out")).isEqualTo("3");

        TestApp.ask(context, "claude-sonnet-4-5", "second question", true);
        FxWait.until("the second row, newest first", () -> table.getItems().size() == 2
                && "claude-sonnet-4-5 \u2192 fake-model".equals(cell(table, 0, "Model (requested \u2192 upstream)")));

        robot.clickOn(FxWait.shown(robot, "Fake"));
        FxWait.until("the request body", () -> robot.lookup("#requestBody").queryAs(TextArea.class).getText()
                .contains("second question"));
        assertThat(robot.lookup("#detailSummary").queryAs(Label.class).getText()).contains("HTTP 200");
    }

    @Test
    void aBurstOfConcurrentRequestsAllArrive(FxRobot robot) throws Exception {
        TableView<LogRow> table = robot.lookup("#logTable").queryTableView();
        CompletableFuture<?>[] calls = new CompletableFuture<?>[40];
        for (int i = 0; i < calls.length; i++) {
            int n = i;
            calls[i] = CompletableFuture.runAsync(() -> TestApp.ask(context, "claude-sonnet-4-5", "q" + n, n % 2 == 0));
        }
        CompletableFuture.allOf(calls).get(60, TimeUnit.SECONDS);
        FxWait.until("40 finished rows", () -> table.getItems().size() == 40
                && table.getItems().stream().allMatch(row -> row.record().completion().map(done -> done.status() == 200).orElse(false)));
    }

    @Test
    void theFilterNarrowsTheTable(FxRobot robot) {
        TableView<LogRow> table = robot.lookup("#logTable").queryTableView();
        TestApp.ask(context, "claude-haiku-4-5", "a", false);
        TestApp.ask(context, "claude-sonnet-4-5", "b", false);
        FxWait.until("two rows", () -> table.getItems().size() == 2);
        robot.clickOn("#logFilter").write("mini");
        FxWait.until("one row", () -> table.getItems().size() == 1);
        assertThat(cell(table, 0, "Model (requested \u2192 upstream)")).contains("haiku");
    }

    @Test
    void longModelsAndErrorsStayReadableAndAnAbandonedRequestIsNoError(FxRobot robot) throws Exception {
        TableView<LogRow> table = robot.lookup("#logTable").queryTableView();
        Instant now = Instant.now();
        context.log().publish(Records.finished("r1", now, "kimi", "Kimi K2", "kimi-k2-turbo-preview", 429,
                new RequestRecord.Failure("rate_limit_error", "Rate limit reached for requests, please retry after 2s"),
                null, 221L, null));
        context.log().publish(Records.finished("r2", now.plusSeconds(1), "kimi", "Kimi K2", "kimi-k2-turbo-preview",
                RequestRecord.Completed.CLIENT_CLOSED,
                new RequestRecord.Failure("api_error", "the client closed the connection"), 300L, 900L, null));
        FxWait.until("two rows", () -> table.getItems().size() == 2);
        Snapshots.save(table.getScene(), "request-log-columns");

        TableCell<?, ?> model = shownCell(robot, "Model (requested \u2192 upstream)", 1);
        assertThat(shownText(model)).as("the whole model mapping fits").isEqualTo("claude-sonnet-4-5 \u2192 kimi-k2-turbo-preview");
        TableCell<?, ?> error = shownCell(robot, "Error", 1);
        assertThat(error.getText()).as("the message, not its type").isEqualTo(
                "Rate limit reached for requests, please retry after 2s");
        assertThat(error.getWidth()).as("the Error column gets the room").isGreaterThan(240);
        assertThat(error.getTooltip().getText()).isEqualTo("Rate limit reached for requests, please retry after 2s");
        assertThat(shownCell(robot, "Mode", 1).getWidth()).as("Mode is narrow").isLessThan(110);
        assertThat(shownCell(robot, "Cache r/w", 1).getWidth()).as("Cache r/w is narrow").isLessThan(90);

        TableCell<?, ?> cancelled = shownCell(robot, "Status", 0);
        assertThat(cancelled.getText()).isEqualTo("499");
        assertThat(cancelled.getPseudoClassStates()).extracting(Object::toString).contains("cancelled")
                .doesNotContain("error");
        assertThat(shownCell(robot, "Error", 0).getText()).isEqualTo("cancelled by Claude Code");
    }

    @Test
    void withNothingSelectedTheDetailIsAHintNotAnEmptyReplayBar(FxRobot robot) {
        TableView<LogRow> table = robot.lookup("#logTable").queryTableView();
        assertThat(shown(robot.lookup("#detailHint").query())).isTrue();
        assertThat(shown(robot.lookup("#replay").query())).as("no replay bar yet").isFalse();

        TestApp.ask(context, "claude-haiku-4-5", "show me", false);
        FxWait.until("a finished row", () -> table.getItems().size() == 1
                && !table.getItems().getFirst().record().inFlight());
        robot.clickOn(FxWait.shown(robot, "Fake"));
        FxWait.until("the bodies", () -> robot.lookup("#responseBody").queryAs(TextArea.class).getText()
                .contains("pong"));
        assertThat(shown(robot.lookup("#detailHint").query())).isFalse();
        assertThat(shown(robot.lookup("#replay").query())).isTrue();
        TextArea request = robot.lookup("#requestBody").queryAs(TextArea.class);
        assertThat(request.getHeight()).as("room for a body: about 15 lines or more").isGreaterThan(240);
    }

    /** Whether the node and every parent are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The cell the table shows for a row and column. */
    private static TableCell<?, ?> shownCell(FxRobot robot, String column, int row) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getText())
                        && c.getIndex() == row && c.isVisible() && c.getText() != null)
                .findFirst().orElseThrow(() -> new AssertionError("no cell " + column + " in row " + row));
    }

    /** The text a cell draws (with an ellipsis when cut). */
    private static String shownText(TableCell<?, ?> cell) {
        return ((Text) cell.lookup(".text")).getText();
    }

    private static String cell(TableView<LogRow> table, int row, String column) {
        return table.getColumns().stream().filter(c -> c.getText().equals(column)).findFirst().orElseThrow()
                .getCellObservableValue(row).getValue().toString();
    }
}
