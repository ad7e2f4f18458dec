package dev.ccbridge.app.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.MainWindow;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.UiThreadGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Closing the window into the tray: it hides, and only the very first time a notice says ccbridge keeps running. */
@ExtendWith(ApplicationExtension.class)
class FirstCloseFxTest {
    @RegisterExtension
    final UiThreadGuard guard = UiThreadGuard.fx();

    @TempDir
    static Path dir;

    private final List<String> notices = new CopyOnWriteArrayList<>();
    private AppContext context;
    private MainWindow window;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "app");
        context = TestApp.open(home);
        window = TestApp.showWindow(stage, guard.guard(TestApp.services(context)), AppSettings.Theme.LIGHT);
        window.setHideToTray(true);
        window.setOnClosedToTray(notice(home));
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void theFirstCloseSaysCcbridgeKeepsRunningAndLaterClosesDoNot(FxRobot robot) throws Exception {
        robot.interact(window::close);
        await().atMost(Duration.ofSeconds(10)).until(() -> notices.size() == 1);
        assertThat(window.stage().isShowing()).as("hidden into the tray, not quit").isFalse();
        assertThat(notices.getFirst()).isEqualTo(FirstCloseNotice.TITLE + ": " + FirstCloseNotice.MESSAGE);

        robot.interact(window::bringToFront);
        robot.interact(window::close);
        // As after a restart: a new notice object on the same data directory.
        robot.interact(() -> window.setOnClosedToTray(notice(home)));
        robot.interact(window::bringToFront);
        robot.interact(window::close);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> notices.size() == 1);
    }

    private Runnable notice(Path dataDir) {
        return new FirstCloseNotice(dataDir, (title, message) -> notices.add(title + ": " + message),
                UiExecutor.javaFx())::windowClosed;
    }
}
