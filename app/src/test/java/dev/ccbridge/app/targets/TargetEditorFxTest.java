package dev.ccbridge.app.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.MainWindow;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.testing.FakeTargets;
import dev.ccbridge.app.testing.FxWait;
import dev.ccbridge.app.testing.Snapshots;
import dev.ccbridge.app.testing.Menus;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.UiThreadGuard;
import dev.ccbridge.app.theme.FieldMarks;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.fake.FakeProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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

/** The target editor in a real window (headless Monocle), driven by mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
class TargetEditorFxTest {
    @RegisterExtension
    final UiThreadGuard guard = UiThreadGuard.fx();

    private static final String KEY = "sk-fx-test-0123456789abcdef";

    @TempDir
    static Path dir;

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private FakeProvider provider;
    private AppContext context;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "app");
        provider = FakeTargets.provider();
        context = TestApp.open(home, secrets);
        context.registry().put(FakeTargets.target(provider, "Existing", "existing-model"));
        window = TestApp.showWindow(stage, guard.guard(TestApp.services(context)),
                AppSettings.Theme.LIGHT);
    }

    @AfterEach
    void tearDown() {
        context.close();
        provider.close();
    }

    @Test
    void anInvalidFormIsMarkedAndCannotBeSaved(FxRobot robot) {
        addBlank(robot);
        Button save = robot.lookup("#save").queryButton();
        assertThat(save.isDisabled()).isTrue();

        robot.clickOn("#name").write("Fake two");
        robot.clickOn("#baseUrl").write("api.example.com");
        robot.clickOn("#model").write("fake-2");
        WaitForAsyncUtils.waitForFxEvents();
        TextField baseUrl = robot.lookup("#baseUrl").query();
        assertThat(save.isDisabled()).as("an URL without http:// cannot be saved").isTrue();
        assertThat(FieldMarks.isMarked(baseUrl)).as("the field is marked").isTrue();
        assertThat(baseUrl.getTooltip().getText()).contains("must start with http:// or https://");
        assertThat(FieldMarks.isMarked(robot.lookup("#name").query())).as("a filled-in required field is not").isFalse();

        robot.doubleClickOn("#baseUrl").eraseText(30).write(provider.baseUrl());
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.until("the mark goes", () -> !FieldMarks.isMarked(baseUrl));
        assertThat(save.isDisabled()).isFalse();
    }

    @Test
    void savingStoresTheKeyInTheKeyStoreNotInTheConfigFile(FxRobot robot) throws Exception {
        newTarget(robot, "Fake two", "fake-2");
        robot.clickOn("#apiKey").write(KEY);
        robot.clickOn("#save");

        FxWait.until("the new target in the list", () -> context.registry().targets().size() == 2);
        Target saved = context.registry().targets().stream().filter(t -> t.displayName().equals("Fake two"))
                .findFirst().orElseThrow();
        assertThat(secrets.get(saved.secretAccount())).contains(KEY);
        assertThat(Files.readString(context.paths().configFile())).contains("fake-2").doesNotContain(KEY);
        FxWait.until("the key status", () -> robot.lookup("#keyStatus").queryAs(Label.class).getText()
                .contains("A key is kept in memory"));
        assertThat(robot.lookup("#apiKey").queryAs(TextField.class).getText()).as("the key is not shown").isEmpty();
        ListView<Target> list = robot.lookup("#targetList").queryListView();
        assertThat(list.getSelectionModel().getSelectedItem().displayName()).isEqualTo("Fake two");
    }

    @Test
    void theBundledPricesOfTheModelShowUnderThePriceFieldsAndAnOwnPriceIsSavedOverThem(FxRobot robot) {
        addBlank(robot);
        Label bundled = robot.lookup("#bundledPrices").query();
        assertThat(bundled.getText()).startsWith("No bundled price for this provider and model");

        robot.clickOn("#name").write("DeepSeek two");
        robot.clickOn("#provider").write("deepseek");
        robot.clickOn("#baseUrl").write(provider.baseUrl());
        robot.clickOn("#model").write("deepseek-v4-pro");
        FxWait.until("the bundled prices", () -> bundled.getText().startsWith("Bundled: input 1.32, output 3.96, "
                + "cache read 0.044, cache write - (deepseek-v4-pro, from https://api-docs.deepseek.com/"));
        // The price fields are below the fold of the form: focus the field, then type as a user would.
        TextField output = robot.lookup("#priceOutput").queryAs(TextField.class);
        robot.interact(output::requestFocus);
        robot.write("3.5");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(output.getText()).isEqualTo("3.5");
        robot.clickOn("#save");

        FxWait.until("the new target in the list", () -> context.registry().targets().size() == 2);
        Target saved = context.registry().targets().stream().filter(t -> t.displayName().equals("DeepSeek two"))
                .findFirst().orElseThrow();
        assertThat(saved.pricing()).isEqualTo(new dev.ccbridge.core.pricing.Price(null, 3.5, null, null));
    }

    @Test
    void leavingUnsavedChangesAsksFirst(FxRobot robot) {
        robot.clickOn(FxWait.shown(robot, "Existing"));
        robot.clickOn("#model").eraseText(20).write("changed-model");
        addBlank(robot);

        FxWait.until("the question", () -> robot.lookup("Save the changes to Existing?").tryQuery().isPresent());
        robot.clickOn(inDialog(robot, "Cancel"));
        assertThat(robot.lookup("#model").queryAs(TextField.class).getText()).isEqualTo("changed-model");

        addBlank(robot);
        FxWait.until("the question again", () -> robot.lookup("Save the changes to Existing?").tryQuery().isPresent());
        robot.clickOn(inDialog(robot, "Save"));
        FxWait.until("the change saved", () -> context.registry().targets().getFirst().model().equals("changed-model"));
        assertThat(robot.lookup("#name").queryAs(TextField.class).getText()).as("the blank draft opened").isEmpty();
    }

    /** A blank target filled in by typing, as a user does: name, the fake provider's URL, a model. */
    private void newTarget(FxRobot robot, String name, String model) {
        addBlank(robot);
        robot.clickOn("#name").write(name);
        robot.clickOn("#baseUrl").write(provider.baseUrl());
        robot.clickOn("#model").write(model);
    }

    private static void addBlank(FxRobot robot) {
        Menus.choose(robot, "#add", "Blank target");
    }

    /** A button of the open dialog (the editor has its own Save). */
    private static javafx.scene.Node inDialog(FxRobot robot, String text) {
        var panes = robot.lookup(".dialog-pane").queryAll().stream()
                .filter(pane -> pane.getScene() != null && pane.getScene().getWindow().isShowing()).toList();
        return robot.from(panes).lookup(text).query();
    }

    @Test
    void providersModesAndFallbacksAreChosenNotTyped(FxRobot robot) throws Exception {
        newTarget(robot, "Second", "second-model");
        robot.clickOn("#provider .arrow-button").clickOn("groq");
        assertThat(robot.lookup("#provider").queryAs(ComboBox.class).getEditor().getText()).isEqualTo("groq");

        ChoiceBox<?> mode = robot.lookup("#apiMode").queryAs(ChoiceBox.class);
        assertThat(((Labeled) mode.lookup(".label")).getText()).isEqualTo("Chat Completions");

        Menus.choose(robot, "#addFallback", "Existing");
        FxWait.until("the chip", () -> robot.lookup("1. Existing").tryQuery().isPresent());
        Snapshots.save(mode.getScene(), "target-editor-fallback");
        robot.clickOn("#save");

        FxWait.until("saved", () -> context.registry().targets().size() == 2);
        Target saved = context.registry().targets().stream().filter(t -> t.displayName().equals("Second"))
                .findFirst().orElseThrow();
        assertThat(saved.provider()).isEqualTo("groq");
        assertThat(saved.fallbacks()).containsExactly(context.registry().targets().getFirst().id());
    }

    @Test
    void anOldTestResultGoesWhenTheFormChanges(FxRobot robot) {
        Target existing = context.registry().targets().getFirst();
        secrets.put(existing.secretAccount(), KEY);
        robot.clickOn(FxWait.shown(robot, "Existing"));
        robot.clickOn("#test");
        Label result = robot.lookup("#testResult").queryAs(Label.class);
        FxWait.until("the answer", () -> result.getText().startsWith("Connected in"));
        robot.clickOn("#haiku").write("x");
        FxWait.until("the result gone", () -> !result.isVisible() && result.getText().isEmpty());
    }

    @Test
    void testConnectionShowsTheAnswerInWords(FxRobot robot) {
        Target existing = context.registry().targets().getFirst();
        secrets.put(existing.secretAccount(), KEY);
        robot.clickOn(FxWait.shown(robot, "Existing"));
        robot.clickOn("#test");
        FxWait.until("the answer", () -> robot.lookup("#testResult").queryAs(Label.class).getText()
                .startsWith("Connected in"));
        assertThat(robot.lookup("#testResult").queryAs(Label.class).getText()).contains("pong");
    }
}
