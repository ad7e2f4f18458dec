package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.LargeBodies;
import dev.ccbridge.core.testing.LocalClient;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccbridge serve} as shipped (the real launcher, so the heap limit of
 * {@code scripts/ccbridge-jvm.options}) under four 31 MiB requests at once, shaped as Claude Code
 * sends a conversation holding screenshots, then ordinary traffic: every large request is answered,
 * at once or after the 529 Claude Code retries, and the server never runs out of memory.
 */
class ServeLargeRequestsTest {
    private static final long SIZE = 31L * 1024 * 1024;
    private static final int AT_ONCE = 4;
    private static final int MAX_TRIES = 10;
    private static final String KEY = "sk-fake-0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void fourLargeRequestsAtOnceAreAllAnsweredAndOrdinaryTrafficFollows() throws Exception {
        var ccbridge = new CcbridgeProcess(dir).env("FAKE_API_KEY", KEY);
        try (var provider = FakeProvider.start(Profile.of(Dialect.CHAT).requiringKey(KEY))) {
            ccbridge.run("targets", "add", "--name", "Fake", "--base-url", provider.baseUrl(), "--model",
                    "fake-model", "--api-key-env", "FAKE_API_KEY", "--activate");
            int port = LocalClient.freePort();
            try (var serve = ccbridge.start("serve", "--port", String.valueOf(port))) {
                serve.awaitOut("Other shells:");
                String token = ccbridge.storedConfig().installToken();
                byte[] large = LargeBodies.withImages(SIZE, 7);
                assertThat((long) large.length).isBetween(SIZE - 1024 * 1024, SIZE);

                List<Future<List<HttpResponse<String>>>> senders = new ArrayList<>();
                try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                     var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < AT_ONCE; i++) {
                        senders.add(threads.submit(() -> askUntilAnswered(client, port, token, large)));
                    }
                    for (var sender : senders) {
                        List<HttpResponse<String>> tries = sender.get(5, TimeUnit.MINUTES);
                        for (HttpResponse<String> refused : tries.subList(0, tries.size() - 1)) {
                            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(529);
                            assertThat(refused.headers().firstValue("retry-after")).isPresent();
                            assertThat(Json.parseOrNull(refused.body()).path("error").path("type").asText())
                                    .isEqualTo("overloaded_error");
                        }
                        HttpResponse<String> answered = tries.getLast();
                        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
                        assertThat(answered.body()).contains("event: message_stop");
                    }

                    for (int i = 0; i < 20; i++) {
                        HttpResponse<String> ordinary = LocalClient.ask(port, token,
                                LargeBodies.small("ordinary question " + i));
                        assertThat(ordinary.statusCode()).as(ordinary.body()).isEqualTo(200);
                    }
                }
                long answeredLarge = provider.received().stream().filter(r -> r.body().length > SIZE / 2).count();
                assertThat(answeredLarge).as("each large request reached the provider once").isEqualTo(AT_ONCE);

                CcbridgeProcess.Result stopped = serve.stop();
                String output = stopped.out() + stopped.err();
                assertThat(output).doesNotContain("OutOfMemoryError").doesNotContain("internal error")
                        .doesNotContain(" 500 ");
            }
        }
    }

    /** Sends the request as Claude Code does: again after each 529, once its retry-after has passed. */
    private static List<HttpResponse<String>> askUntilAnswered(HttpClient client, int port, String token, byte[] body)
            throws Exception {
        List<HttpResponse<String>> tries = new ArrayList<>();
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/v1/messages"))
                    .timeout(Duration.ofMinutes(3))
                    .header("Content-Type", "application/json")
                    .header("anthropic-version", "2023-06-01")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            tries.add(response);
            if (response.statusCode() != 529) {
                return tries;
            }
            long seconds = response.headers().firstValue("retry-after").map(Long::parseLong).orElse(1L);
            Thread.sleep(Duration.ofSeconds(Math.min(seconds, 10)));
        }
        return tries;
    }
}
