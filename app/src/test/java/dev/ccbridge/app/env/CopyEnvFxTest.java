package dev.ccbridge.app.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.MainWindow;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.targets.PresetCatalog;
import dev.ccbridge.app.testing.FxWait;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.UiThreadGuard;
import dev.ccbridge.app.theme.ThemeManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
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
        context.save(context.settings(), 8899);
        var window = new MainWindow(stage, guard.guard(TestApp.services(context)
                .withClaudeSettings(new ClaudeSettingsCheck(claudeSettings))), UiExecutor.javaFx(),
                new ThemeManager(AppSettings.Theme.LIGHT), PresetCatalog.builtIn(), Map.of());
        window.show();
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
        context.registry().put(new dev.ccbridge.core.target.Target(null, "DeepSeek", "deepseek",
                "https://api.deepseek.com", "deepseek-chat", dev.ccbridge.core.target.ApiMode.CHAT_COMPLETIONS,
                null, null, null, null, null, null, null, null));
        Platform.runLater(() -> { });
        robot.clickOn("#copyEnv");
        robot.clickOn("#includeModels");
        assertThat(robot.lookup("#snippet").queryAs(TextArea.class).getText())
                .contains("ANTHROPIC_DEFAULT_SONNET_MODEL='deepseek-chat'");
    }
}
