package dev.ccbridge.app.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.testing.FxWait;
import dev.ccbridge.app.testing.Snapshots;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.UiThreadGuard;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.RoutingRule;
import dev.ccbridge.core.target.RoutingRule.Condition;
import dev.ccbridge.core.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Routing tab in a real window (headless Monocle), driven by mouse and keyboard: rules added
 * and removed land in the config file (never written on the FX thread), and rules written
 * elsewhere (ccbridge routing add) show up.
 */
@ExtendWith(ApplicationExtension.class)
class RoutingFxTest {
    @RegisterExtension
    final UiThreadGuard guard = UiThreadGuard.fx();

    @TempDir
    static Path dir;

    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        context = TestApp.open(Files.createTempDirectory(dir, "app"), new InMemorySecretStore());
        context.registry().put(Target.builder().id("deepseek").name("DeepSeek").provider("deepseek")
                .baseUrl("https://api.deepseek.com").model("deepseek-chat").apiMode(ApiMode.CHAT_COMPLETIONS).build());
        context.registry().put(Target.builder().id("openai").name("OpenAI").provider("openai")
                .baseUrl("https://api.openai.com/v1").model("gpt-5.5").apiMode(ApiMode.CODEX_RESPONSES).build());
        TestApp.showWindow(stage, guard.guard(TestApp.services(context)), AppSettings.Theme.LIGHT);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aGlobalImageRuleAndATargetsLongContextRuleAreAddedShownAndRemoved(FxRobot robot) throws Exception {
        robot.clickOn("Routing");
        FxWait.until("the empty table's hint", () -> robot.lookup("No rules: every request goes to the target"
                + " Claude Code addresses.").tryQuery().isPresent());
        assertThat(robot.lookup("#addRule").queryButton().isDisabled()).as("no target chosen yet").isTrue();

        pick(robot, "#ruleWhen", "Images the model cannot see");
        pick(robot, "#ruleTo", "OpenAI");
        robot.clickOn("#addRule");
        FxWait.until("the global rule saved", () -> context.registry().config().routing()
                .equals(List.of(new RoutingRule(Condition.IMAGE, "openai", null, null))));
        FxWait.until("the rule in the table", () -> rules(robot).getItems().size() == 1);
        assertThat(message(robot)).isEqualTo("Added: Every target: Images the model cannot see -> OpenAI");

        pick(robot, "#ruleScope", "DeepSeek");
        pick(robot, "#ruleWhen", "Context longer than the model's window");
        pick(robot, "#ruleTo", "OpenAI");
        robot.clickOn("#ruleAbove").write("lots");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#addRule").queryButton().isDisabled()).as("a size in words").isTrue();
        robot.doubleClickOn("#ruleAbove").write("100000");
        robot.clickOn("#ruleModel").write("gpt-5.5-long");
        FxWait.until("the size accepted", () -> !robot.lookup("#addRule").queryButton().isDisabled());
        robot.clickOn("#addRule");
        FxWait.until("DeepSeek's own rule saved", () -> context.registry().byId("deepseek").orElseThrow().routing()
                .equals(List.of(new RoutingRule(Condition.LONG_CONTEXT, "openai", "gpt-5.5-long", 100_000L))));
        FxWait.until("both rules in the table, the target's own first", () -> rules(robot).getItems().size() == 2);
        assertThat(rules(robot).getItems()).extracting(RoutingViewModel.Row::scope, RoutingViewModel.Row::when,
                        RoutingViewModel.Row::to)
                .containsExactly(
                        tuple("DeepSeek", "Context longer than the model's window"
                                + " (over 100000 tokens)", "OpenAI (gpt-5.5-long)"),
                        tuple("Every target", "Images the model cannot see", "OpenAI"));
        assertThat(message(robot)).isEqualTo("Added: DeepSeek: Context longer than the model's window"
                + " (over 100000 tokens) -> OpenAI (gpt-5.5-long)");
        assertThat(robot.lookup("#ruleScope").queryComboBox().getValue()).as("the scope stays chosen")
                .hasToString("DeepSeek");
        Snapshots.save(stage.getScene(), "routing-tab");

        robot.clickOn("Images the model cannot see");
        robot.clickOn("#removeRule");
        FxWait.until("the global rule removed", () -> context.registry().config().routing().isEmpty());
        FxWait.until("one rule left in the table", () -> rules(robot).getItems().size() == 1);
        assertThat(message(robot)).isEqualTo("Removed: Every target: Images the model cannot see -> OpenAI");
    }

    @Test
    void aRuleWrittenOutsideTheAppShowsUp(FxRobot robot) {
        robot.clickOn("Routing");
        context.registry().setRouting(List.of(new RoutingRule(Condition.HAIKU, "deepseek", "deepseek-chat", null)));
        FxWait.until("the rule in the table", () -> rules(robot).getItems().size() == 1);
        assertThat(rules(robot).getItems().getFirst().to()).isEqualTo("DeepSeek (deepseek-chat)");
        assertThat(rules(robot).getItems().getFirst().when()).isEqualTo("Haiku tier (background work, haiku subagents)");
    }

    @SuppressWarnings("unchecked")
    private static TableView<RoutingViewModel.Row> rules(FxRobot robot) {
        return robot.lookup("#routingRules").queryAs(TableView.class);
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#routingMessage").queryAs(Label.class).getText();
    }

    /** Opens a choice box and clicks the item with this text in its list. */
    private static void pick(FxRobot robot, String box, String item) {
        robot.clickOn(box);
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup(".combo-box-popup .list-cell").match((ListCell<?> c) -> item.equals(c.getText()))
                .query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
