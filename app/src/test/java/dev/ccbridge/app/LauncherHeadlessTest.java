package dev.ccbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.testing.TestApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command on a machine without a display: the same Launcher serves headless. */
class LauncherHeadlessTest {
    @TempDir
    Path dir;

    @Test
    void withoutADisplayTheLauncherRunsTheHeadlessServer() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("config.json");
        TestApp.writeEmptyConfig(config);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.ccbridge.app.Launcher", "--config", config.toString(), "--port", String.valueOf(port)))
                .redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.contains("listening on")) {
                    break;
                }
            }
            assertThat(seen.toString())
                    .contains("no display found, so running the headless server")
                    .contains("ccbridge listening on http://127.0.0.1:" + port);
            HttpResponse<Void> probe = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(probe.statusCode()).isEqualTo(200);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** {@code ./mvnw -Prun -Dccbridge.args="targets list"}: the same Launcher, given a command, runs it. */
    @Test
    void aCommandRunsAsTheCommandLineEvenWithADisplay() throws Exception {
        Path config = dir.resolve("config.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.ccbridge.app.Launcher", "--config", config.toString(), "targets", "list"));
        // A display that does not exist: the window would fail on it, the command line never looks.
        builder.environment().put("DISPLAY", ":" + (9000 + ProcessHandle.current().pid() % 1000));
        builder.redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile());
        Process process = builder.start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("out.txt")))
                .containsPattern("(?m)^\\* openai +chat_completions");
        assertThat(Files.readString(dir.resolve("err.txt"))).doesNotContain("Unmatched arguments");
    }
}
