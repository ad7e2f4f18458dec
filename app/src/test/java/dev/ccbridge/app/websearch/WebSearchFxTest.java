package dev.ccbridge.app.websearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.testing.FxWait;
import dev.ccbridge.app.testing.Snapshots;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.UiThreadGuard;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.websearch.SearchBackend;
import dev.ccbridge.core.websearch.SearchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/**
 * The Web search tab in a real window (headless Monocle), driven by mouse and keyboard; the key
 * store, the config file and the network are never touched on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class WebSearchFxTest {
    private static final String KEY = "tvly-fx-test-0123456789abcdef";

    @RegisterExtension
    final UiThreadGuard guard = UiThreadGuard.fx();

    @TempDir
    static Path dir;

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory(dir, "app");
        context = TestApp.open(home, secrets);
        context.registry().put(Target.builder().id("deepseek").name("DeepSeek").provider("deepseek")
                .baseUrl("https://api.deepseek.com").model("deepseek-chat").apiMode(ApiMode.CHAT_COMPLETIONS).build());
        context.registry().put(Target.builder().id("openai").name("OpenAI (Responses)").provider("openai")
                .baseUrl("https://api.openai.com/v1").model("gpt-5.5").apiMode(ApiMode.CODEX_RESPONSES).build());
        TestApp.showWindow(stage, guard.guard(TestApp.services(context)), AppSettings.Theme.LIGHT);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aBackendAndItsKeyAreChosenAndSavedAndTheTargetsShowWhoSearches(FxRobot robot) throws Exception {
        robot.clickOn("Web search");
        FxWait.until("who searches", () -> robot.lookup("#whoSearches").queryAs(Label.class).getText()
                .contains("DeepSeek: no web search"));
        Button save = robot.lookup("#saveSearch").queryButton();
        assertThat(save.isDisabled()).as("nothing changed yet").isTrue();

        choose(robot, "Tavily");
        FxWait.until("the public address as the hint", () -> robot.lookup("#searchBaseUrl").queryAs(TextField.class)
                .getPromptText().equals("https://api.tavily.com"));
        robot.clickOn("#searchKey").write(KEY);
        robot.clickOn("#saveSearch");

        FxWait.until("saved", () -> robot.lookup("#searchMessage").queryAs(Label.class).getText()
                .equals("Saved. The key is in the key store."));
        assertThat(SearchSettings.of(context.registry().config()).backend()).isEqualTo(SearchBackend.TAVILY);
        assertThat(secrets.get("search.tavily")).contains(KEY);
        assertThat(Files.readString(context.paths().configFile())).doesNotContain(KEY);
        FxWait.until("the key status", () -> robot.lookup("#searchKeyStatus").queryAs(Label.class).getText()
                .startsWith("A key is set"));
        FxWait.until("who searches now", () -> robot.lookup("#whoSearches").queryAs(Label.class).getText()
                .contains("DeepSeek: Tavily"));
        assertThat(robot.lookup("#whoSearches").queryAs(Label.class).getText())
                .contains("OpenAI (Responses): OpenAI's own web search");
        Snapshots.save(stage.getScene(), "web-search-tab");

        context.registry().put(Target.builder().id("kimi").name("Kimi K2").provider("moonshot")
                .baseUrl("https://api.moonshot.ai/v1").model("kimi-k2").apiMode(ApiMode.CHAT_COMPLETIONS).build());
        FxWait.until("a target added elsewhere", () -> robot.lookup("#whoSearches").queryAs(Label.class).getText()
                .contains("Kimi K2: Tavily"));
    }

    @Test
    void aSearxngWithoutItsAddressIsMarkedAndCannotBeSaved(FxRobot robot) {
        robot.clickOn("Web search");
        choose(robot, "SearXNG");

        assertThat(robot.lookup("#saveSearch").queryButton().isDisabled()).isTrue();
        robot.clickOn("#searchBaseUrl").write("http://127.0.0.1:8888");
        FxWait.until("the save button", () -> !robot.lookup("#saveSearch").queryButton().isDisabled());
        assertThat(robot.lookup("#searchKey").query().isDisabled()).as("SearXNG takes no key").isTrue();
    }

    private static void choose(FxRobot robot, String backend) {
        robot.clickOn(backend);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
