package dev.ccbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    @Test
    void readsConfigAndPortAndKeepsThemForTheHeadlessServer() {
        var options = LaunchOptions.parse(List.of("--headless", "--config", "/tmp/c.json", "--port=9001", "--quiet", ""));
        assertThat(options.headless()).isTrue();
        assertThat(options.config()).isEqualTo(Path.of("/tmp/c.json"));
        assertThat(options.port()).isEqualTo(9001);
        assertThat(options.serveArguments()).containsExactly("serve", "--config", "/tmp/c.json", "--port=9001", "--quiet");
    }

    @Test
    void aBadPortIsRefusedInWords() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--port", "eighty")))
                .hasMessageContaining("--port needs a number");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--port", "70000")))
                .hasMessageContaining("between 1 and 65535");
    }

    @Test
    void linuxWithoutAnyDisplayRunsHeadless() {
        var options = LaunchOptions.parse(List.of());
        assertThat(options.runHeadless(Map.of(), "Linux", null)).isTrue();
        assertThat(options.runHeadless(Map.of("DISPLAY", ":0"), "Linux", null)).isFalse();
        assertThat(options.runHeadless(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isFalse();
    }

    @Test
    void windowsAndMacNeedNoDisplayVariable() {
        var options = LaunchOptions.parse(List.of());
        assertThat(options.runHeadless(Map.of(), "Windows 11", null)).isFalse();
        assertThat(options.runHeadless(Map.of(), "Mac OS X", null)).isFalse();
    }

    @Test
    void headlessFlagOrAwtHeadlessWinsOverADisplay() {
        assertThat(LaunchOptions.parse(List.of("--headless")).runHeadless(Map.of("DISPLAY", ":0"), "Linux", null))
                .isTrue();
        assertThat(LaunchOptions.parse(List.of()).runHeadless(Map.of("DISPLAY", ":0"), "Linux", "true")).isTrue();
    }

    @Test
    void argumentsNamingACommandAreForTheCommandLine() {
        Set<String> commands = Set.of("serve", "targets", "env");
        assertThat(LaunchOptions.parse(List.of("targets", "list")).namesCommand(commands)).isTrue();
        assertThat(LaunchOptions.parse(List.of("--config", "/tmp/c.json", "env")).namesCommand(commands)).isTrue();
        assertThat(LaunchOptions.parse(List.of("--headless", "--help")).namesCommand(commands)).isTrue();
        assertThat(LaunchOptions.parse(List.of("--port", "9000")).namesCommand(commands)).isFalse();
        assertThat(LaunchOptions.parse(List.of("--port", "9000", "serve")).namesCommand(commands)).isTrue();
        assertThat(LaunchOptions.parse(List.of("--config", "targets")).namesCommand(commands))
                .as("a config file named like a command").isFalse();
        assertThat(LaunchOptions.parse(List.of("")).namesCommand(commands)).isFalse();
    }
}
