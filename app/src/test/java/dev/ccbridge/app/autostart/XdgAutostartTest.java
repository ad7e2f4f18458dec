package dev.ccbridge.app.autostart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ccbridge.app.testing.DesktopLauncher;
import dev.ccbridge.app.testing.DesktopSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux login entry as the desktop reads it: written where XDG autostart looks, valid for
 * desktop-file-validate, and its Exec line run by GLib's own launcher (what GNOME and XFCE use)
 * must pass every argument through unchanged.
 */
class XdgAutostartTest {
    @TempDir
    Path dir;

    @Test
    void offUntilEnabledThenTheEntryIsWrittenAndRemoved() throws Exception {
        var autostart = new XdgAutostart(dir.resolve("autostart"));
        assertThat(autostart.enabled()).isFalse();

        autostart.enable(new LaunchCommand(List.of("/opt/ccbridge/bin/ccbridge")));
        assertThat(autostart.enabled()).isTrue();
        assertThat(dir.resolve("autostart/ccbridge.desktop")).content()
                .contains("[Desktop Entry]", "Type=Application", "Name=ccbridge", "Exec=/opt/ccbridge/bin/ccbridge\n");
        assertThat(run(DesktopSession.program("desktop-file-validate", "desktop-file-utils"),
                autostart.file().toString())).as("desktop-file-validate output").isEmpty();

        autostart.disable();
        assertThat(autostart.enabled()).isFalse();
        assertThat(dir.resolve("autostart")).isEmptyDirectory();
        autostart.disable(); // twice is fine
    }

    @Test
    void theDesktopRunsTheExecLineWithEveryArgumentIntact() throws Exception {
        Path out = dir.resolve("argv.txt");
        List<String> tricky = List.of("/home/a user/ccbridge", "say \"hi\"", "$HOME", "50%", "back\\slash", "`tick`",
                "it's", "plain");
        var command = new LaunchCommand(concat(List.of("/bin/sh", "-c", "printf '%s\\n' \"$@\" > '" + out + "'", "sh"),
                tricky));
        var autostart = new XdgAutostart(dir.resolve("autostart"));
        autostart.enable(command);

        DesktopLauncher.launch(autostart.file(), dir);
        await("the entry's command ran").atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(out) && Files.readAllLines(out).size() >= tricky.size());
        assertThat(Files.readAllLines(out)).containsExactlyElementsOf(tricky);
    }

    @Test
    void theEntryGoesWhereTheDesktopLooks() {
        Path home = Path.of("/home/someone");
        assertThat(StartAtLogin.forPlatform("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), home).location())
                .isEqualTo("/xdg/autostart/ccbridge.desktop");
        assertThat(StartAtLogin.forPlatform("Linux", Map.of(), home).location())
                .isEqualTo("/home/someone/.config/autostart/ccbridge.desktop");
        assertThat(StartAtLogin.forPlatform("Mac OS X", Map.of(), home).location())
                .isEqualTo("/home/someone/Library/LaunchAgents/dev.ccbridge.app.plist");
        assertThat(StartAtLogin.forPlatform("Windows 11", Map.of(), home).location())
                .isEqualTo("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\ccbridge");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", command[0], output).isZero();
        return output.strip();
    }
}
