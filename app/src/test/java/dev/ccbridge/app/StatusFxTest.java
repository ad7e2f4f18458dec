package dev.ccbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.testing.FxWait;
import dev.ccbridge.app.testing.Snapshots;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.UiThreadGuard;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The header of a real window: what the Enabled switch and the headline say while the port is taken. */
@ExtendWith(ApplicationExtension.class)
class StatusFxTest {
    @RegisterExtension
    final UiThreadGuard guard = UiThreadGuard.fx();

    @TempDir
    static Path dir;

    private ServerSocket occupied;
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        occupied = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        context = TestApp.open(Files.createTempDirectory(dir, "app"));
        context.saveSettings(context.settings(), occupied.getLocalPort());
        var window = TestApp.showWindow(stage, guard.guard(TestApp.services(context)),
                AppSettings.Theme.LIGHT);
    }

    @AfterEach
    void tearDown() throws Exception {
        context.close();
        occupied.close();
    }

    @Test
    void aTakenPortIsTriedAgainTheSwitchStaysOnAndTheHeaderSaysWhy(FxRobot robot) throws Exception {
        ToggleSwitch enabled = robot.lookup("#enabled").query();
        int port = occupied.getLocalPort();
        assertThat(enabled.isSelected()).isFalse();
        assertThat(robot.lookup("#headline").queryLabeled().getText()).isEqualTo("Off");

        toggle(robot);

        FxWait.until("the retry in the header", () -> robot.lookup("#headline").queryLabeled().getText()
                .equals("Waiting to serve on http://127.0.0.1:" + port));
        Snapshots.save(enabled.getScene(), "header-port-taken");
        assertThat(robot.lookup("#headerDetail").queryLabeled().getText())
                .contains("port " + port + " is already in use").contains("trying again in");
        assertThat(enabled.isSelected()).as("on: it is trying").isTrue();

        occupied.close();
        FxWait.until("serving once the port is free", () -> robot.lookup("#headline").queryLabeled().getText()
                .equals("Serving on http://127.0.0.1:" + port));
        assertThat(enabled.isSelected()).isTrue();

        toggle(robot);
        FxWait.until("off", () -> robot.lookup("#headline").queryLabeled().getText().equals("Off"));
        assertThat(enabled.isSelected()).isFalse();
    }

    /** A click on the switch's thumb, where users click it. */
    private static void toggle(FxRobot robot) {
        robot.clickOn(robot.lookup("#enabled .thumb-area").<javafx.scene.Node>query());
    }

    @Test
    void turningItOffWhileWaitingStopsTheRetries(FxRobot robot) {
        ToggleSwitch enabled = robot.lookup("#enabled").query();
        toggle(robot);
        FxWait.until("waiting", () -> robot.lookup("#headline").queryLabeled().getText().startsWith("Waiting"));
        toggle(robot);
        FxWait.until("off", () -> robot.lookup("#headline").queryLabeled().getText().equals("Off"));
        assertThat(enabled.isSelected()).isFalse();
        assertThat(context.server().status().retrying()).isFalse();
    }
}
