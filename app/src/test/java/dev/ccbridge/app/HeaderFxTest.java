package dev.ccbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.testing.FxWait;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.UiThreadGuard;
import dev.ccbridge.core.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's header tells the truth on a first run: serving, but the active target has no key. */
@ExtendWith(ApplicationExtension.class)
class HeaderFxTest {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    @TempDir
    static Path dir;

    @RegisterExtension
    final UiThreadGuard guard = UiThreadGuard.fx();

    private AppContext context;
    private Target openai;

    @Start
    void start(Stage stage) throws Exception {
        context = TestApp.open(Files.createTempDirectory(dir, "app"));
        openai = context.registry().put(TestApp.hostedWithoutKey("OpenAI"));
        context.registry().activate(openai.id());
        context.server().start();
        TestApp.showWindow(stage, guard.guard(TestApp.services(context)), AppSettings.Theme.LIGHT);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void withoutTheKeyTheHeaderWarnsAndNamesTheFixUntilAKeyIsStored(FxRobot robot) {
        Node header = robot.lookup("#header").query();
        FxWait.until("the warning", () -> header.getPseudoClassStates().contains(WARNING));
        assertThat(text(robot, "#headline")).isEqualTo("Add an API key for OpenAI");
        assertThat(text(robot, "#headerDetail")).startsWith("Serving on " + context.server().status().url())
                .endsWith("but requests to OpenAI fail until it has one: enter it under Targets, or run "
                        + "`ccbridge keys set openai`.");

        context.secrets().put(openai.secretAccount(), "sk-0123456789abcdef");

        FxWait.until("serving", () -> text(robot, "#headline").startsWith("Serving on"));
        assertThat(header.getPseudoClassStates()).doesNotContain(WARNING);
        assertThat(text(robot, "#headerDetail")).isEqualTo("Active target: OpenAI");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
