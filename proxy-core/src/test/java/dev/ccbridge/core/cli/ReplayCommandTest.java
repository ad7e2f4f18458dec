package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.CcbridgeProcess.Result;
import dev.ccbridge.core.testing.LocalClient;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Reply;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccbridge replay ID --target OTHER}, run as the real launcher: a request {@code serve}
 * answered through one provider is sent again to another.
 */
class ReplayCommandTest {
    private static final String KEY = "sk-fake-provider-0123456789";
    private static final String PROMPT = "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":64,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Compare us\"}]}";

    @TempDir
    Path dir;

    private CcbridgeProcess ccbridge;
    private FakeProvider first;
    private FakeProvider second;

    /** A Chat provider that always answers {@code text}. */
    private static List<String> answering(String text) {
        return List.of("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"" + text
                        + "\"}}]}\n\n",
                "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n",
                "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5}}\n\n",
                "data: [DONE]\n\n");
    }

    @BeforeEach
    void setUp() {
        first = FakeProvider.start(Profile.of(Dialect.CHAT).requiringKey(KEY));
        second = FakeProvider.start(Profile.of(Dialect.CHAT).requiringKey(KEY)
                .replying(Reply.sse(answering("Hello from the second"))));
        ccbridge = new CcbridgeProcess(dir).env("FAKE_API_KEY", KEY);
        for (var added : List.of(
                ccbridge.run("targets", "add", "--name", "First", "--base-url", first.baseUrl(), "--model", "one",
                        "--api-key-env", "FAKE_API_KEY", "--activate"),
                ccbridge.run("targets", "add", "--name", "Second", "--base-url", second.baseUrl(), "--model", "two",
                        "--api-key-env", "FAKE_API_KEY"))) {
            assertThat(added.exit()).as(added.toString()).isZero();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        first.close();
        second.close();
    }

    /** Serves one request through the active (first) target; its id, from the history. */
    private String oneServedRequest() {
        int port = LocalClient.freePort();
        String token = ccbridge.storedConfig().installToken();
        try (var serve = ccbridge.start("serve", "--port", String.valueOf(port))) {
            serve.awaitOut("Other shells:");
            assertThat(LocalClient.ask(port, token, PROMPT).statusCode()).isEqualTo(200);
            serve.awaitOut(" 200  first ");
        }
        return ccbridge.run("log").out().split(" {2}")[0];
    }

    @Test
    void aStoredRequestGoesToAnotherTargetAndBothAnswersAreKept() {
        String id = oneServedRequest();

        Result replay = ccbridge.run("replay", id, "--target", "second");

        assertThat(replay.exit()).as(replay.toString()).isZero();
        List<String> lines = replay.out().lines().toList();
        assertThat(lines.get(0)).startsWith("original  " + id + "  ")
                .contains("  200  first  claude-sonnet-4-6 -> one  stream  ");
        assertThat(lines.get(1)).matches("replay    req_\\w+  .*  200  second  claude-sonnet-4-6 -> two  json  .*  "
                + "in 12 out 5  -");
        assertThat(lines.subList(2, lines.size())).containsExactly("", "Hello from the second");
        JsonNode sent = second.requests().getFirst();
        assertThat(sent.path("messages").get(0).path("content").asText()).as("the same prompt")
                .isEqualTo("Compare us");
        assertThat(sent.path("model").asText()).isEqualTo("two");

        List<String> log = ccbridge.run("log").out().lines().toList();
        assertThat(log).as("the replay is in the history too").hasSize(2);
        assertThat(log.get(1)).contains("  200  second  ");
    }

    @Test
    void aTargetThatRefusesIsAFailingExitWithItsError() {
        String id = oneServedRequest();

        Result replay = ccbridge.env("FAKE_API_KEY", "sk-wrong-key-0123456789").run("replay", id, "--target", "second");

        assertThat(replay.exit()).isEqualTo(1);
        assertThat(replay.out()).contains("  401  second  ").contains("Incorrect API key")
                .doesNotContain("sk-wrong-key");
    }

    @Test
    void anUnknownTargetOrRequestIsAnError() {
        Result noTarget = ccbridge.run("replay", "req_x", "--target", "nosuch");
        assertThat(noTarget.exit()).isEqualTo(1);
        assertThat(noTarget.err()).isEqualTo("ccbridge: no target 'nosuch'\n");

        Result noRequest = ccbridge.run("replay", "req_x", "--target", "second");
        assertThat(noRequest.exit()).isEqualTo(1);
        assertThat(noRequest.err()).startsWith("ccbridge: no request 'req_x' in the history");

        Result noOption = ccbridge.run("replay", "req_x");
        assertThat(noOption.exit()).isEqualTo(2);
        assertThat(noOption.err()).contains("Missing required option: '--target=OTHER'");
    }
}
