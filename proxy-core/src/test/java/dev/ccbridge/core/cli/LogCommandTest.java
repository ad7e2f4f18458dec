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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccbridge log}, {@code log show}, {@code log export} and {@code log import}, run as the real
 * launcher over the history a real {@code serve} process writes.
 */
class LogCommandTest {
    private static final String KEY = "sk-fake-provider-0123456789";
    /** A key pasted into a prompt: the history and every output show it redacted. */
    private static final String PASTED = "sk-proj-pasted0123456789abcdefghij";
    private static final String WRONG_TOKEN = "ccb_stale-token-from-settings-0123456789";

    @TempDir
    Path dir;

    private CcbridgeProcess ccbridge;
    private FakeProvider provider;

    @BeforeEach
    void setUp() {
        ccbridge = new CcbridgeProcess(dir).env("FAKE_API_KEY", KEY);
        provider = FakeProvider.start(Profile.of(Dialect.CHAT).requiringKey(KEY));
        Result add = ccbridge.run("targets", "add", "--name", "Fake", "--base-url", provider.baseUrl(),
                "--model", "fake-model", "--api-key-env", "FAKE_API_KEY", "--activate");
        assertThat(add.exit()).as(add.toString()).isZero();
    }

    @AfterEach
    void tearDown() throws Exception {
        provider.close();
    }

    private String installToken() {
        return ccbridge.storedConfig().installToken();
    }

    /** The id at the start of the first line of {@code log} containing {@code text}. */
    private static String idOfLineWith(String log, String text) {
        return log.lines().filter(line -> line.contains(text)).findFirst().orElseThrow(
                () -> new AssertionError("no line with '" + text + "' in\n" + log)).split(" {2}")[0];
    }

    @Test
    void aRequestWithAWrongTokenShowsInServesLinesAndInTheHistoryThatLogReads() {
        int port = LocalClient.freePort();
        try (var serve = ccbridge.start("serve", "--port", String.valueOf(port))) {
            serve.awaitOut("Other shells:");
            assertThat(LocalClient.ask(port, installToken(), "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":64,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"my key is " + PASTED + "\"}]}").statusCode())
                    .isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                assertThat(LocalClient.ask(port, WRONG_TOKEN).statusCode()).isEqualTo(401);
            }
            String lines = serve.awaitOut("x2 (last ");
            assertThat(lines).containsPattern("\\d\\d:\\d\\d:\\d\\d  401  rejected  fake  POST /v1/messages  "
                    + "authentication_error: wrong token: set ANTHROPIC_AUTH_TOKEN to the token ccbridge printed; "
                    + "sent in Authorization: a ccbridge token that is not valid here .*  from claude-cli/test\n");

            // While serve runs: another process reads the same history.
            Result log = ccbridge.run("log");

            assertThat(log.exit()).as(log.toString()).isZero();
            List<String> entries = log.out().lines().toList();
            assertThat(entries).hasSize(2);
            assertThat(entries.get(0)).matches("req_\\w+  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  200  fake  "
                    + "claude-sonnet-4-6 -> fake-model  json  .*");
            assertThat(entries.get(1)).matches("req_\\w+  .*  401  rejected  fake  POST /v1/messages  "
                    + "authentication_error: wrong token.*  x3 \\(last .*\\)");
            assertThat(log.out() + serve.out()).doesNotContain(WRONG_TOKEN).doesNotContain("stale-token")
                    .doesNotContain(KEY);

            Result refused = ccbridge.run("log", "show", idOfLineWith(log.out(), "rejected").substring(0, 12));
            assertThat(refused.exit()).as(refused.toString()).isZero();
            assertThat(refused.out()).contains("target:   Fake [fake], chat_completions, through the root URL\n")
                    .contains("status:   401, refused by ccbridge (wrong_token): no provider saw it\n")
                    .contains("asked:    POST /v1/messages from claude-cli/test\n")
                    .contains("repeated: 3 times")
                    .contains("error:    authentication_error: wrong token: set ANTHROPIC_AUTH_TOKEN")
                    .doesNotContain("--- request");

            Result answered = ccbridge.run("log", "show", idOfLineWith(log.out(), " 200 "));
            assertThat(answered.out()).contains("target:   Fake [fake], chat_completions, through the root URL\n")
                    .contains("model:    claude-sonnet-4-6 -> fake-model\n")
                    .contains("--- request\n{\n  \"model\" : \"claude-sonnet-4-6\",")
                    .contains("\"content\" : \"my key is [redacted]\"")
                    .contains("--- response\n").contains("\"text\" : \"OK\"")
                    .doesNotContain(PASTED);
        }
    }

    @Test
    void followPrintsEachRequestAsServeStoresIt() {
        int port = LocalClient.freePort();
        try (var serve = ccbridge.start("serve", "--port", String.valueOf(port));
             var follow = ccbridge.start("log", "--follow", "-n", "0")) {
            serve.awaitOut("Other shells:");
            assertThat(LocalClient.ask(port, installToken()).statusCode()).isEqualTo(200);

            follow.awaitOut("  200  fake  claude-sonnet-4-6 -> fake-model  json");

            assertThat(LocalClient.ask(port, WRONG_TOKEN).statusCode()).isEqualTo(401);
            follow.awaitOut("  401  rejected  fake  POST /v1/messages");
            assertThat(follow.out().lines().count()).isEqualTo(2);
        }
    }

    @Test
    void anExportIsTheDocumentedSchemaReadableByTheUserOnlyAndAnImportReadsItBack() throws Exception {
        int port = LocalClient.freePort();
        try (var serve = ccbridge.start("serve", "--port", String.valueOf(port))) {
            serve.awaitOut("Other shells:");
            LocalClient.ask(port, installToken());
            LocalClient.ask(port, WRONG_TOKEN);
            serve.awaitOut(" rejected ");
        }
        Path file = ccbridge.workDir().resolve("requests.jsonl");

        Result export = ccbridge.run("log", "export", "requests.jsonl");

        assertThat(export.exit()).as(export.toString()).isZero();
        assertThat(export.out()).isEqualTo("Exported 2 requests to requests.jsonl.\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        List<JsonNode> lines = Files.readAllLines(file).stream().map(Json::parseOrNull).toList();
        assertThat(lines).hasSize(2);
        JsonNode answered = lines.get(0);
        assertThat(answered.path("startedAt").asText()).matches("\\d{4}-.*Z");
        assertThat(answered.path("target").asText()).isEqualTo("fake");
        assertThat(answered.path("targetName").asText()).isEqualTo("Fake");
        assertThat(answered.path("status").asInt()).isEqualTo(200);
        assertThat(answered.path("usage").path("input_tokens").asLong()).isEqualTo(1000);
        assertThat(answered.path("request").path("messages").get(0).path("content").asText())
                .isEqualTo("Reply with: pong");
        JsonNode refused = lines.get(1);
        assertThat(refused.path("rejected").path("reason").asText()).isEqualTo("wrong_token");
        assertThat(refused.path("status").asInt()).isEqualTo(401);
        assertThat(Files.readString(file)).doesNotContain(installToken()).doesNotContain(WRONG_TOKEN);
        assertThat(ccbridge.run("log", "export", "-", "-n", "1").out()).as("to stdout, the newest")
                .isEqualTo(Files.readAllLines(file).get(1) + "\n");

        var elsewhere = new CcbridgeProcess(dir.resolve("elsewhere"));
        Result imported = elsewhere.run("log", "import", file.toString());
        assertThat(imported.exit()).as(imported.toString()).isZero();
        assertThat(imported.out()).startsWith("Imported 2 requests from " + file + " into ");
        assertThat(elsewhere.run("log").out()).isEqualTo(ccbridge.run("log").out());
    }

    @Test
    void anImportReadsTheOlderExportShapesAndSaysWhichLinesItSkipped() throws Exception {
        Path file = ccbridge.workDir().resolve("old.jsonl");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Files.writeString(file, """
                {"id":"r1","time":"%s","targetId":"ds","target":"DeepSeek","apiMode":"chat_completions","route":"active","requestedModel":"claude-haiku-4-5","upstreamModel":"deepseek-chat","stream":false,"status":200,"firstTokenMs":100,"durationMs":250,"usage":{"inputTokens":10,"outputTokens":2,"cacheCreationInputTokens":0,"cacheReadInputTokens":5}}
                not json at all

                {"id":"r2","startedAt":"%s","target":"ds","targetName":"DeepSeek","apiMode":"chat_completions","route":"pinned","requestedModel":"claude-sonnet-4-6","upstreamModel":"deepseek-chat","stream":true,"status":429,"errorType":"rate_limit_error","errorMessage":"slow down","durationMillis":40,"request":"{\\"model\\":\\"x\\"}"}
                {"id":"r0","startedAt":"%s","target":"ds","status":200,"durationMillis":40}
                """.formatted(now.minusSeconds(60), now, now.minus(Duration.ofDays(400))));

        Result imported = ccbridge.run("log", "import", "old.jsonl");

        assertThat(imported.exit()).as(imported.toString()).isZero();
        assertThat(imported.out()).startsWith("Imported 2 requests from old.jsonl into ")
                .endsWith("1 request older than the 90 days the history keeps (the app's Settings) left out.\n");
        assertThat(imported.err()).isEqualTo("skipped line 2: not a request record (a JSON object with an id)\n");
        List<String> log = ccbridge.run("log").out().lines().toList();
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).startsWith("r1  ").contains("  200  ds  claude-haiku-4-5 -> deepseek-chat  json  0.3 s  "
                + "in 15 out 2");
        assertThat(log.get(1)).startsWith("r2  ").contains("  429  ds  ").endsWith("rate_limit_error: slow down");
        assertThat(ccbridge.run("log", "show", "r2").out()).contains("--- request\n{\n  \"model\" : \"x\"\n}");
    }

    @Test
    void anEmptyHistoryAndAnUnknownIdSaySo() {
        Result empty = ccbridge.run("log");
        assertThat(empty.exit()).isZero();
        assertThat(empty.out()).startsWith("No requests in the history yet (").contains("history.db");

        Result unknown = ccbridge.run("log", "show", "req_nosuch");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).startsWith("ccbridge: no request 'req_nosuch' in the history (")
                .endsWith("; ccbridge log lists them\n");

        Result missing = ccbridge.run("log", "import", "nothing-here.jsonl");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("ccbridge: no file nothing-here.jsonl\n");
    }
}
