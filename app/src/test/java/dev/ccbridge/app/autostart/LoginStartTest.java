package dev.ccbridge.app.autostart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.services.AppServices;
import dev.ccbridge.app.settings.SettingsViewModel;
import dev.ccbridge.app.testing.DesktopLauncher;
import dev.ccbridge.app.testing.DesktopSession;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.TestUi;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.GatewayConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start at login from a build, end to end: the Settings checkbox writes the autostart entry, the
 * desktop's launcher (GLib's, as GNOME and XFCE run autostart entries) starts it, and what starts is
 * a working ccbridge with the same configuration, serving on its port. Turning it off removes the entry.
 */
@Tag("desktop")
@ExtendWith({DesktopSession.Display.class, DesktopSession.SecretService.class})
class LoginStartTest {
    @RegisterExtension
    final TestUi ui = new TestUi();

    @TempDir
    Path dir;

    @AfterEach
    void stopTheStartedApp() {
        String config = dir.resolve("config.json").toString();
        // Only the ccbridge this test started: the one running on this test's own config file.
        ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).contains(config))
                .forEach(process -> {
                    process.destroy();
                    process.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
                });
    }

    @Test
    void theEntryTheCheckboxWritesStartsCcbridgeWithTheSameConfiguration() throws Exception {
        int port = freePort();
        Path config = dir.resolve("config.json");
        Files.writeString(config, Json.CONFIG.writeValueAsString(new GatewayConfig(1, port, null, null, List.of(), null)));
        var autostart = new XdgAutostart(dir.resolve("autostart"));
        var context = TestApp.open(dir);
        var settings = settings(context, autostart);
        assertThat(settings.startAtLogin.get()).as("off by default").isFalse();

        settings.startAtLogin.set(true);
        assertThat(ui.call(settings::save)).isTrue();
        ui.settle();
        context.close();
        assertThat(autostart.enabled()).isTrue();
        assertThat(Files.readString(autostart.file())).contains("--config " + config);

        DesktopLauncher.launch(autostart.file(), dir);
        awaitServing(port);

        var reopened = TestApp.open(dir);
        var again = settings(reopened, autostart);
        assertThat(again.startAtLogin.get()).as("the checkbox shows the entry").isTrue();
        again.startAtLogin.set(false);
        ui.act(again::save);
        reopened.close();
        assertThat(autostart.enabled()).isFalse();
        assertThat(autostart.file()).doesNotExist();
    }

    /** The Settings page's view model as the window makes it, its login entry {@code autostart}; loaded. */
    private SettingsViewModel settings(AppContext context, XdgAutostart autostart) {
        AppServices services = ui.guard(TestApp.services(context)
                .withLoginStart(new PlatformLoginStart(autostart, context.paths())));
        SettingsViewModel vm = ui.call(() -> new SettingsViewModel(services.settings(), services.loginStart(),
                ui.executor()));
        ui.settle();
        return vm;
    }

    private static void awaitServing(int port) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            await("ccbridge started from the entry serves on " + port).atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
                    .untilAsserted(() -> assertThat(client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200));
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
