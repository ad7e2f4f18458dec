package dev.ccbridge.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.Fixtures;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Received;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.rules.Errors;
import dev.ccbridge.fake.wire.EventStreamFrame;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session with real keys, through every mode, against providers that echo the key back in
 * every way they can (JSON error bodies, HTML pages, errors inside a stream, Anthropic-shaped
 * errors that are relayed, AWS exceptions) — then the config file, the request log file, the
 * history (its files, and {@code log export}), {@code serve}'s stdout and stderr, the {@code test}
 * command's output and every reply Claude Code got are scanned for the key material. None may
 * hold any of it.
 */
class KeyLeakScanTest {
    /** One key per target, some shaped like known keys, some not (only the exact key can catch those). */
    private static final Map<String, String> KEYS = Map.of(
            "CHAT_KEY", "sk-proj-LeakCheck0123456789abcdefXYZ",
            "RESPONSES_KEY", "rk-live-9f8e7d6c5b4a3928170615",
            "ANTHROPIC_KEY", "ant-custom-7a7b7c7d7e7f70717273",
            "BEDROCK_KEY", "ABSKQmVkcm9ja0tleUxlYWtDaGVjazAxMjM0NTY3ODk=");

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> replies = new ArrayList<>();

    /** The key the gateway presented to the fake provider, which a careless provider echoes. */
    private static String presented(Received request) {
        String bearer = request.header("authorization");
        return bearer != null ? bearer.substring("Bearer ".length()) : request.header("x-api-key");
    }

    private static List<String> chatStream(String key) {
        return List.of("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n",
                "data: {\"error\":{\"message\":\"quota for key " + key + " exceeded\",\"code\":429}}\n\n");
    }

    private static String responsesFailed(String key) {
        return "event: response.failed\ndata: {\"type\":\"response.failed\",\"response\":{\"id\":\"r\",\"status\":"
                + "\"failed\",\"error\":{\"code\":\"invalid_api_key\",\"message\":\"key " + key + " revoked\"}}}\n\n";
    }

    private static String anthropicStreamWithError(String key) {
        return "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":"
                + "\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"stop_reason\":null,"
                + "\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\n"
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"key " + key + " was revoked mid-answer\"}}\n\n";
    }

    @Test
    void noKeyMaterialAnywhereAfterASessionWithEchoingProviders() throws Exception {
        try (var chat = FakeProvider.start(Profile.of(Dialect.CHAT).replyingInTurn(List.of(
                     x -> Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + presented(x) + "\"}}"),
                     x -> Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + presented(x) + "\"}}"),
                     x -> Reply.sse(chatStream(presented(x))),
                     x -> Reply.sse(chatStream(presented(x))),
                     x -> Reply.whole(500, "text/html", "<html><body>upstream rejected key " + presented(x)
                             + "</body></html>", Map.of()))));
             var responses = FakeProvider.start(Profile.of(Dialect.RESPONSES).replyingInTurn(List.of(
                     x -> Reply.json(400, "{\"error\":{\"message\":\"Invalid key " + presented(x)
                             + "\",\"api_key\":\"" + presented(x) + "\"}}"),
                     x -> Reply.json(400, "{\"error\":{\"message\":\"Invalid key " + presented(x) + "\"}}"),
                     x -> Reply.sse(List.of(responsesFailed(presented(x)))))));
             var anthropic = FakeProvider.start(Profile.of(Dialect.ANTHROPIC).replyingInTurn(List.of(
                     x -> Reply.json(401, "{\"type\":\"error\",\"error\":{\"type\":"
                             + "\"authentication_error\",\"message\":\"invalid x-api-key " + presented(x) + "\"}}"),
                     x -> Reply.json(401, "{\"type\":\"error\",\"error\":{\"type\":"
                             + "\"authentication_error\",\"message\":\"invalid x-api-key " + presented(x) + "\"}}"),
                     x -> Reply.sse(List.of(anthropicStreamWithError(presented(x)))))));
             var bedrock = FakeProvider.start(Profile.of(Dialect.BEDROCK))) {

            Path config = dir.resolve("config.json");
            List<Target> targets = List.of(
                    target("chat", chat.baseUrl(), ApiMode.CHAT_COMPLETIONS, "CHAT_KEY", Map.of()),
                    target("responses", responses.baseUrl(), ApiMode.CODEX_RESPONSES, "RESPONSES_KEY", Map.of()),
                    target("anthropic", anthropic.rootUrl(), ApiMode.ANTHROPIC_MESSAGES, "ANTHROPIC_KEY", Map.of()),
                    target("bedrock", null, ApiMode.BEDROCK_CONVERSE, "BEDROCK_KEY",
                            Map.of("region", "us-east-1", "endpoint", bedrock.rootUrl())));
            new ConfigStore(config).save(new GatewayConfig(1, 8787, "ccb_installTokenForTheLeakScan0001", "chat",
                    targets, null));

            Path requestLog = dir.resolve("requests.jsonl");
            Path out = dir.resolve("serve.out");
            Path err = dir.resolve("serve.err");
            Process serve = ccbridge(out, err, "--config", config.toString(), "serve", "--port", "0",
                    "--request-log", requestLog.toString());
            try {
                String base = awaitListening(out, serve);
                GatewayConfig loaded = new ConfigStore(config).tryRead().orElseThrow();

                send(base, loaded, "chat", true);   // 401 echoing the key
                send(base, loaded, "chat", false);
                send(base, loaded, "chat", true);   // an error chunk inside the stream
                send(base, loaded, "chat", false);
                send(base, loaded, "chat", true);   // an HTML page
                send(base, loaded, "responses", true);  // a 400 with the key in a field named api_key
                send(base, loaded, "responses", false);
                send(base, loaded, "responses", true);  // response.failed
                send(base, loaded, "anthropic", true);  // Anthropic's envelope, relayed
                send(base, loaded, "anthropic", false);
                send(base, loaded, "anthropic", true);  // an error event inside a relayed stream
                bedrock.replying(Errors.bedrock(403, "AccessDeniedException", "Bearer " + KEYS.get("BEDROCK_KEY")
                        + " is not authorized"));
                send(base, loaded, "bedrock", true);
                send(base, loaded, "bedrock", false);
                bedrock.replying(EventStreamFrame.reply(EventStreamFrame.fromFixture(Fixtures.text(
                        "golden/bedrock_converse/throttled_mid_stream/upstream.events").replace(
                        "Too many tokens", "Too many tokens for " + KEYS.get("BEDROCK_KEY")))));
                send(base, loaded, "bedrock", true);
            } finally {
                serve.destroy(); // SIGTERM: the shutdown hook stops the gateway
                assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(bedrock.last().header("authorization")).isEqualTo("Bearer " + KEYS.get("BEDROCK_KEY"));

            Path testOut = dir.resolve("test.out");
            Process check = ccbridge(testOut, testOut, "--config", config.toString(), "test", "anthropic");
            assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Path exported = dir.resolve("export.out");
            Process export = ccbridge(exported, dir.resolve("export.err"), "--config", config.toString(), "log", "export",
                    "-");
            assertThat(export.waitFor(60, TimeUnit.SECONDS)).isTrue();

            // The echoes reached ccbridge (the fakes put them there) and were scrubbed on the way.
            assertThat(String.join("\n", replies)).contains("[redacted]");
            assertThat(replies).hasSize(14);
            Map<String, String> places = new LinkedHashMap<>();
            places.put("config file", Files.readString(config));
            places.put("request log", Files.readString(requestLog));
            places.put("serve stdout", Files.readString(out));
            places.put("serve stderr", Files.readString(err));
            places.put("test command output", Files.readString(testOut));
            places.put("history export", Files.readString(exported));
            places.put("history export's stderr", Files.readString(dir.resolve("export.err")));
            places.put("history files", historyFiles());
            places.put("replies to Claude Code", String.join("\n", replies));
            assertThat(places.get("request log").lines()).hasSize(14);
            assertThat(places.get("history export").lines()).hasSize(14);
            for (var place : places.entrySet()) {
                for (var key : KEYS.entrySet()) {
                    assertThat(place.getValue().contains(key.getValue()))
                            .as("%s holds %s", place.getKey(), key.getKey()).isFalse();
                    // A distinctive middle part too: a key cut or re-encoded is still a leak.
                    String middle = key.getValue().substring(8, 24);
                    assertThat(place.getValue().contains(middle))
                            .as("%s holds part of %s", place.getKey(), key.getKey()).isFalse();
                }
            }
            assertThat(places.get("serve stdout")).contains("401").contains("authentication_error");
        }
    }

    private static Target target(String id, String baseUrl, ApiMode mode, String keyVariable,
                                 Map<String, String> options) {
        String model = mode == ApiMode.BEDROCK_CONVERSE ? "us.anthropic.claude-sonnet-4-5-20250929-v1:0" : "fake-model";
        return Target.builder().id(id).name(id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1))
                .provider("fake").baseUrl(baseUrl).model(model).apiMode(mode).apiKeyEnv(keyVariable)
                .token("ccb_targetToken_" + id + "_00000000").options(options).build();
    }

    private void send(String base, GatewayConfig config, String targetId, boolean stream)
            throws IOException, InterruptedException {
        Target target = config.target(targetId).orElseThrow();
        String body = "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":100,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        var request = HttpRequest.newBuilder(URI.create(base + "/api/claude-code-proxy/" + target.routeKey()
                        + "/v1/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + target.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() >= 400 || response.body().contains("event: error"))
                .as("%s answered with a failure: %s", targetId, response.body()).isTrue();
        replies.add(response.headers().map() + "\n" + response.body());
    }

    /** The history's database and journal, as bytes read as text (the keys are ASCII). */
    private String historyFiles() throws IOException {
        var all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("history.db")).toList()) {
                all.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(all).as("serve kept a history beside its config").isNotEmpty();
        return all.toString();
    }

    private Process ccbridge(Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.ccbridge.core.cli.CcbridgeCli"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectOutput(out.toFile());
        if (out.equals(err)) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(err.toFile());
        }
        builder.environment().keySet().removeIf(name -> name.startsWith("CCBRIDGE_") || name.startsWith("AWS_"));
        builder.environment().putAll(KEYS);
        builder.environment().put("CCBRIDGE_HOME", dir.resolve("home").toString());
        return builder.start();
    }

    private static String awaitListening(Path out, Process serve) {
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
        Matcher found = await("serve listening").atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(serve.isAlive()).as("serve exited: %s", Files.readString(out)).isTrue();
            return listening.matcher(Files.readString(out));
        }, Matcher::find);
        return found.group(1);
    }

    static {
        Json.object(); // load the mapper before the clock starts in the child-process waits
    }
}
