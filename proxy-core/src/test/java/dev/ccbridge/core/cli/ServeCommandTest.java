package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.CcbridgeProcess.Result;
import dev.ccbridge.core.testing.LocalClient;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ccbridge serve}, run as the real launcher: its banner, its request lines, its errors. */
class ServeCommandTest {
    @TempDir
    Path dir;

    private CcbridgeProcess ccbridge;

    @BeforeEach
    void setUp() {
        ccbridge = new CcbridgeProcess(dir);
    }

    @Test
    void aTakenPortIsAClearMessageAndAFailingExitCode() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Result run = ccbridge.run("serve", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("port " + taken.getLocalPort()).contains("already in use")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void theBannerSaysWhereItListensAndHowToPointClaudeCodeAtIt() throws Exception {
        int port = LocalClient.freePort();
        try (var serve = ccbridge.start("serve", "--port", String.valueOf(port))) {
            String banner = serve.awaitOut("Other shells:");

            String token = ccbridge.storedConfig().installToken();
            assertThat(banner).startsWith("ccbridge listening on http://127.0.0.1:" + port + "\n")
                    .contains("Config: " + ccbridge.configFile())
                    .contains("Active target: OpenAI [openai]")
                    .contains("  export ANTHROPIC_BASE_URL='http://127.0.0.1:" + port + "'\n")
                    .contains("  export ANTHROPIC_AUTH_TOKEN='" + token + "'\n");
            Result stopped = serve.stop();
            assertThat(stopped.err()).doesNotContain("Exception");
        }
    }

    @Test
    void withoutAKeyTheBannerWarnsAndRequestsAreRefusedNamingTheFix() throws Exception {
        int port = LocalClient.freePort();
        try (var serve = ccbridge.start("serve", "--port", String.valueOf(port))) {
            String banner = serve.awaitOut("Other shells:");
            assertThat(banner).contains("Active target: OpenAI [openai]")
                    .contains("Warning: Add an API key for OpenAI: run `ccbridge keys set openai`, or set "
                            + "OPENAI_API_KEY. Until it has one, every request fails (401).");

            HttpResponse<String> answer = LocalClient.ask(port, installToken());

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("x-should-retry")).contains("false");
            JsonNode error = Json.parseOrNull(answer.body());
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("error").path("type").asText()).isEqualTo("authentication_error");
            assertThat(error.path("error").path("message").asText())
                    .startsWith("OpenAI (target 'openai') has no API key")
                    .contains("ccbridge keys set openai").contains("OPENAI_API_KEY");
        }
    }

    @Test
    void withAKeyTheBannerSaysWhereItComesFrom() throws Exception {
        ccbridge.env("OPENAI_API_KEY", "sk-live-0123456789abcdef");
        try (var serve = ccbridge.start("serve", "--port", String.valueOf(LocalClient.freePort()))) {
            String banner = serve.awaitOut("Other shells:");

            assertThat(banner).contains("(key from $OPENAI_API_KEY)").doesNotContain("Warning")
                    .doesNotContain("sk-live");
        }
    }

    @Test
    void eachRequestIsOneLineInOneFormatAndNothingElse() throws Exception {
        String key = "sk-fake-0123456789abcdef";
        try (var provider = FakeProvider.start(Profile.of(Dialect.CHAT).requiringKey(key))) {
            ccbridge.run("targets", "add", "--name", "Fake", "--base-url", provider.baseUrl(), "--model", "fake-model",
                    "--api-key-env", "FAKE_API_KEY", "--activate");
            int port = LocalClient.freePort();
            try (var serve = ccbridge.env("FAKE_API_KEY", key).start("serve", "--port", String.valueOf(port))) {
                serve.awaitOut("Other shells:");
                assertThat(LocalClient.ask(port, installToken()).statusCode()).isEqualTo(200);
                serve.awaitOut(" 200  fake ");
                provider.use(provider.profile().requiringKey("sk-another-key-000000"));
                assertThat(LocalClient.ask(port, installToken()).statusCode()).isEqualTo(401);
                serve.awaitOut(" 401  fake ");

                Result stopped = serve.stop();
                String[] requestLines = stopped.out().lines().filter(line -> line.matches("\\d\\d:\\d\\d:\\d\\d  .*"))
                        .toArray(String[]::new);
                assertThat(requestLines).hasSize(2);
                assertThat(requestLines[0]).matches("\\d\\d:\\d\\d:\\d\\d  200  fake  claude-sonnet-4-6 -> fake-model  "
                        + "json  \\d+\\.\\d s  in \\d+ out \\d+  -");
                assertThat(requestLines[1]).matches("\\d\\d:\\d\\d:\\d\\d  401  fake  claude-sonnet-4-6 -> fake-model  "
                        + "json  \\d+\\.\\d s  authentication_error: .*Incorrect API key.*");
                assertThat(stopped.err()).as("no second report of the failure")
                        .doesNotContain("Incorrect API key").doesNotContain("INFO");
                assertThat(stopped.out() + stopped.err()).doesNotContain(key);
            }
        }
    }

    private String installToken() {
        return ccbridge.storedConfig().installToken();
    }
}
