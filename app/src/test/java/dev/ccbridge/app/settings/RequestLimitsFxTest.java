package dev.ccbridge.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.testing.FxWait;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.UiThreadGuard;
import dev.ccbridge.core.server.RequestLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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

/** The request limits on the Settings tab, in a real window (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class RequestLimitsFxTest {
    @RegisterExtension
    final UiThreadGuard guard = UiThreadGuard.fx();

    @TempDir
    static Path dir;

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "app");
        context = TestApp.open(home);
        TestApp.showWindow(stage, guard.guard(TestApp.services(context)), AppSettings.Theme.LIGHT);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void theLimitsAreTypedInMiBCheckedAndSavedToTheConfig(FxRobot robot) throws Exception {
        robot.clickOn("Settings");
        TextField inFlight = robot.lookup("#bodiesInFlightMiB").queryAs(TextField.class);
        assertThat(inFlight.getText()).as("unset").isEmpty();
        assertThat(inFlight.getPromptText()).as("the default the heap allows").matches("\\d+ MiB");

        robot.clickOn("#maxRequestMiB").write("0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#saveSettings").queryButton().isDisabled()).as("0 MiB is no limit").isTrue();
        robot.doubleClickOn("#maxRequestMiB").write("16");
        robot.clickOn("#bodiesInFlightMiB").write("48");
        WaitForAsyncUtils.waitForFxEvents();
        Button save = robot.lookup("#saveSettings").queryButton();
        robot.interact(() -> scrollPaneOf(save).setVvalue(1)); // scrolled down to the button, as a user would
        robot.clickOn(save);

        FxWait.until("saved", () -> robot.lookup("#settingsMessage").queryAs(Label.class).getText().equals("Saved."));
        assertThat(RequestLimits.of(context.registry().config())).isEqualTo(new RequestLimits(16, 48));
        assertThat(Files.readString(context.paths().configFile())).contains("\"maxRequestMiB\" : 16")
                .contains("\"bodiesInFlightMiB\" : 48");
    }

    private static ScrollPane scrollPaneOf(Node node) {
        Node at = node;
        while (!(at instanceof ScrollPane)) {
            at = at.getParent();
        }
        return (ScrollPane) at;
    }
}
