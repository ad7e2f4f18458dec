package dev.ccbridge.app.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.testing.FxWait;
import dev.ccbridge.app.testing.Snapshots;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.UiThreadGuard;
import dev.ccbridge.core.env.ClaudeSettingsCheck;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.Region;
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

/** The Copy env vars window: the snippet per shell, the copy, the settings.json warning. */
@ExtendWith(ApplicationExtension.class)
class CopyEnvFxTest {
    @RegisterExtension
    final UiThreadGuard guard = UiThreadGuard.fx();

    @TempDir
    static Path dir;

    private AppContext context;
    private Path claudeSettings;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "app");
        claudeSettings = home.resolve("claude-settings.json");
        Files.writeString(claudeSettings, "{\"env\":{\"ANTHROPIC_BASE_URL\":\"https://stale.example\"}}");
        context = TestApp.open(home);
        context.saveSettings(context.settings(), 8899);
        var window = TestApp.showWindow(stage, guard.guard(TestApp.services(context)
                .withClaudeSettings(new ClaudeSettingsCheck(List.of(claudeSettings))::warnings)),
                AppSettings.Theme.LIGHT);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void eachShellShowsItsSnippetAndCopyPutsItOnTheClipboard(FxRobot robot) {
        robot.clickOn("#copyEnv");
        TextArea snippet = robot.lookup("#snippet").queryAs(TextArea.class);
        String token = context.registry().installToken();
        assertThat(snippet.getText()).contains("export ANTHROPIC_BASE_URL='http://127.0.0.1:8899'")
                .contains("export ANTHROPIC_AUTH_TOKEN='" + token + "'");

        robot.clickOn("#shell-fish");
        assertThat(snippet.getText()).contains("set -gx ANTHROPIC_BASE_URL 'http://127.0.0.1:8899'");
        robot.clickOn("#shell-powershell");
        assertThat(snippet.getText()).contains("$env:ANTHROPIC_AUTH_TOKEN = '" + token + "'");
        robot.clickOn("#shell-cmd");
        assertThat(snippet.getText()).contains("set \"ANTHROPIC_BASE_URL=http://127.0.0.1:8899\"");

        robot.clickOn("#copy");
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<String> copied = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get()).isEqualTo(snippet.getText());
        assertThat(robot.lookup("#copied").queryAs(Label.class).getText()).isEqualTo("Copied for cmd.");
    }

    @Test
    void aStaleClaudeSettingsFileIsWarnedAboutAndLeftAlone(FxRobot robot) throws Exception {
        robot.clickOn("#copyEnv");
        FxWait.until("the warning", () -> robot.lookup("#settingsWarning").queryAs(Label.class).getText()
                .contains("ANTHROPIC_BASE_URL"));
        assertThat(Files.readString(claudeSettings)).contains("stale.example");
    }

    @Test
    void modelVariablesCanBeAdded(FxRobot robot) {
        context.registry().put(deepseek());
        robot.clickOn("#copyEnv");
        robot.clickOn("#includeModels");
        assertThat(robot.lookup("#snippet").queryAs(TextArea.class).getText())
                .contains("ANTHROPIC_DEFAULT_SONNET_MODEL='deepseek-chat'");
    }

    @Test
    void thePreviewShowsAllOfTheLongestSnippet(FxRobot robot) throws Exception {
        Target target = context.registry().put(deepseek());
        robot.clickOn("#copyEnv");
        robot.clickOn("#route").clickOn("Only DeepSeek");
        robot.clickOn("#includeModels");
        TextArea snippet = robot.lookup("#snippet").queryAs(TextArea.class);
        FxWait.until("the pinned snippet", () -> snippet.getText().contains(target.routeKey()));
        Snapshots.save(snippet.getScene(), "copy-env-pinned");

        assertThat(snippet.getText().lines()).as("the URL, the token, NO_PROXY and three models").hasSize(6);
        assertThat(snippet.lookupAll(".scroll-bar")).as("nothing hides behind a scroll bar")
                .noneMatch(bar -> bar.isVisible() && ((ScrollBar) bar).getVisibleAmount() < ((ScrollBar) bar).getMax());
        ScrollPane view = (ScrollPane) snippet.lookup(".scroll-pane");
        Region content = (Region) view.getContent();
        assertThat(content.getHeight()).as("every line in sight").isLessThanOrEqualTo(view.getViewportBounds().getHeight());
        assertThat(content.getWidth()).as("the long URL wraps").isLessThanOrEqualTo(view.getViewportBounds().getWidth());
    }

    private static Target deepseek() {
        return Target.builder().name("DeepSeek").provider("deepseek").baseUrl("https://api.deepseek.com")
                .model("deepseek-chat").apiMode(ApiMode.CHAT_COMPLETIONS).build();
    }
}
