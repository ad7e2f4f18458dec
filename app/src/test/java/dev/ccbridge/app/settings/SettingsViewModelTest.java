package dev.ccbridge.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.autostart.XdgAutostart;
import dev.ccbridge.app.services.AppServices;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.TestUi;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    @RegisterExtension
    final TestUi ui = new TestUi();

    @TempDir
    Path dir;

    private AppContext context;
    private SettingsViewModel vm;

    @BeforeEach
    void setUp() {
        context = TestApp.open(dir);
        AppServices services = ui.guard(TestApp.services(context));
        vm = ui.call(() -> new SettingsViewModel(services.settings(), services.loginStart(), ui.executor()));
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void invalidValuesCannotBeSaved() {
        vm.port.set("80");
        assertThat(vm.validBinding().get()).isFalse();
        vm.port.set("abc");
        assertThat(vm.validBinding().get()).isFalse();
        vm.port.set("9000");
        vm.logSize.set("5");
        assertThat(vm.validBinding().get()).isFalse();
        assertThat(ui.call(vm::save)).isFalse();
        vm.logSize.set("500");
        assertThat(vm.validBinding().get()).isTrue();
    }

    @Test
    void aNewPortMovesTheRunningGatewayInTheBackground() throws Exception {
        assertThat(context.server().start().state()).isEqualTo(ServerControl.State.SERVING);
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ui.act(vm::reload);
        vm.port.set(String.valueOf(port));
        vm.theme.set(AppSettings.Theme.DARK);
        assertThat(vm.dirtyBinding().get()).isTrue();

        ui.act(vm::save);

        assertThat(context.server().status().url()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(context.settings().theme()).isEqualTo(AppSettings.Theme.DARK);
        assertThat(vm.dirtyBinding().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved.");
        assertThat(vm.savingProperty().get()).isFalse();
    }

    @Test
    void logLimitsReachTheHistory() {
        vm.logSize.set("250");
        vm.historyDays.set("7");
        ui.act(vm::save);
        assertThat(context.history().orElseThrow().retention().maxEntries()).isEqualTo(250);
        assertThat(context.history().orElseThrow().retention().days()).isEqualTo(7);
    }

    @Test
    void startAtLoginIsTheDesktopsEntryWrittenAndRemovedInTheBackground() throws Exception {
        XdgAutostart autostart = (XdgAutostart) TestApp.loginStart(context).platform();
        ui.settle();
        assertThat(vm.startAtLogin.get()).as("off by default").isFalse();
        assertThat(vm.startAtLoginAvailable()).isTrue();

        vm.startAtLogin.set(true);
        assertThat(vm.dirtyBinding().get()).isTrue();
        ui.act(vm::save);
        assertThat(autostart.file()).exists();
        assertThat(Files.readString(autostart.file())).contains("--config " + context.paths().configFile());
        assertThat(vm.dirtyBinding().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved.");

        Files.delete(autostart.file());
        ui.act(vm::reload);
        assertThat(vm.startAtLogin.get()).as("the entry is the setting: removed there, the box is clear").isFalse();
    }
}
