package dev.ccbridge.core.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ConfigStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up warm-up as a user of {@code ccbridge serve} meets it: it runs to the end on its own
 * private gateway, and nothing of it shows in the user's request log or terminal, while the
 * user's gateway answers as usual.
 */
class WarmUpTest {
    @TempDir
    Path dir;

    @Test
    void runsToTheEndWithoutShowingInTheUsersLogOrOutput() throws Exception {
        Path out = dir.resolve("serve.out");
        Path err = dir.resolve("serve.err");
        Path requestLog = dir.resolve("requests.jsonl");
        Path config = dir.resolve("config.json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.ccbridge.core.cli.CcbridgeCli",
                "--config", config.toString(), "serve", "--port", "0", "--request-log", requestLog.toString()));
        var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CCBRIDGE_"));
        builder.environment().put("CCBRIDGE_HOME", dir.resolve("home").toString());
        Process serve = builder.start();
        try {
            String base = await(out, serve, Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)"));
            String done = await(err, serve, Pattern.compile(WarmUp.DONE + ": (.*)"));

            assertThat(done).matches("\\d+ requests in \\d+ ms");
            assertThat(Files.readString(requestLog)).isEmpty();
            assertThat(Files.readString(out)).doesNotContainPattern("\\d\\d:\\d\\d:\\d\\d  \\d{3}  ");
            String token = new ConfigStore(config).load().config().installToken();
            var models = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/v1/models"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(models.statusCode()).isEqualTo(200);
            assertThat(models.body()).contains("claude-sonnet");
        } finally {
            serve.destroy();
            serve.waitFor();
        }
    }

    /** Waits (two minutes at most: the machine may be busy) for the pattern in a file; its first group. */
    private static String await(Path file, Process serve, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(Files.readString(file));
            if (m.find()) {
                return m.group(1);
            }
            assertThat(serve.isAlive()).as("serve exited: %s", Files.readString(file)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + pattern + "' in " + file + ":\n" + Files.readString(file));
    }
}
