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
import dev.ccbridge.fake.Reply;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost of a request, end to end: a real {@code serve} answers through a DeepSeek target whose
 * (fake) provider reports cached tokens; the cost computed from the bundled price, then from the
 * target's own price, shows in {@code serve}'s line, {@code log}, {@code log show}, {@code log
 * export} and {@code usage}, each run as the real launcher.
 */
class CostEndToEndTest {
    private static final String KEY = "sk-fake-provider-0123456789";

    @TempDir
    Path dir;

    private CcbridgeProcess ccbridge;
    private FakeProvider provider;

    /** DeepSeek's answer: 1200 prompt tokens of which 1000 came from its cache, 80 output tokens. */
    private static List<String> answerWithCachedTokens() {
        return List.of("data: {\"id\":\"c1\",\"model\":\"deepseek-v4-pro\",\"choices\":[{\"index\":0,\"delta\":"
                        + "{\"role\":\"assistant\",\"content\":\"pong\"}}]}\n\n",
                "data: {\"id\":\"c1\",\"model\":\"deepseek-v4-pro\",\"choices\":[{\"index\":0,\"delta\":{},"
                        + "\"finish_reason\":\"stop\"}]}\n\n",
                "data: {\"id\":\"c1\",\"model\":\"deepseek-v4-pro\",\"choices\":[],\"usage\":{\"prompt_tokens\":1200,"
                        + "\"completion_tokens\":80,\"total_tokens\":1280,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":1000}}}\n\n",
                "data: [DONE]\n\n");
    }

    @BeforeEach
    void setUp() {
        provider = FakeProvider.start(Profile.of(Dialect.CHAT).requiringKey(KEY)
                .replying(Reply.sse(answerWithCachedTokens())));
        ccbridge = new CcbridgeProcess(dir).env("FAKE_API_KEY", KEY).env("TZ", "UTC");
        assertThat(ccbridge.run("targets", "remove", "deepseek").exit()).as("the default one, at DeepSeek").isZero();
        Result add = ccbridge.run("targets", "add", "--name", "DeepSeek", "--provider", "deepseek", "--base-url",
                provider.baseUrl(), "--model", "deepseek-v4-pro", "--api-key-env", "FAKE_API_KEY", "--activate");
        assertThat(add.exit()).as(add.toString()).isZero();
    }

    @AfterEach
    void tearDown() throws Exception {
        provider.close();
    }

    /** Serves one request through the active target; the line serve printed for it. */
    private String serveOneRequest(String targetId) {
        int port = LocalClient.freePort();
        String token = ccbridge.storedConfig().installToken();
        String mark = " 200  " + targetId + " ";
        try (var serve = ccbridge.start("serve", "--port", String.valueOf(port))) {
            serve.awaitOut("Other shells:");
            assertThat(LocalClient.ask(port, token).statusCode()).isEqualTo(200);
            return serve.awaitOut(mark).lines().filter(line -> line.contains(mark))
                    .reduce((first, second) -> second).orElseThrow();
        }
    }

    @Test
    void theCostAtTheBundledPriceThenAtTheTargetsOwnShowsInTheLogAndInUsage() {
        // deepseek-v4-pro, bundled: 1.32 per million uncached input, 0.044 cached, 3.96 output:
        // 200 x 1.32 + 1000 x 0.044 + 80 x 3.96 = 624.8 millionths of a dollar.
        assertThat(serveOneRequest("deepseek")).contains("in 1200 out 80  $0.000625");

        Result priced = ccbridge.run("pricing", "set", "deepseek", "--output", "10");
        assertThat(priced.exit()).as(priced.toString()).isZero();
        // Its own output price, the bundled rest: 264 + 44 + 80 x 10 = 1108 millionths.
        assertThat(serveOneRequest("deepseek")).contains("in 1200 out 80  $0.001108");

        Result log = ccbridge.run("log");
        assertThat(log.exit()).as(log.toString()).isZero();
        List<String> lines = log.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("  200  deepseek  claude-sonnet-4-6 -> deepseek-v4-pro  json  ")
                .endsWith("in 1200 out 80  $0.000625");
        assertThat(lines.get(1)).endsWith("in 1200 out 80  $0.001108");

        String id = lines.get(0).split(" {2}")[0];
        Result show = ccbridge.run("log", "show", id);
        assertThat(show.out()).contains("tokens:   in 1200 (cache read 1000, cache write 0), out 80\n")
                .contains("cost:     $0.000625 (US$)\n");

        Result export = ccbridge.run("log", "export", "-");
        List<JsonNode> exported = export.out().lines().map(Json::parseOrNull).toList();
        assertThat(exported).extracting(json -> json.path("costUsd").asDouble())
                .containsExactly(0.0006248, 0.001108);
        assertThat(exported.getFirst().path("usage").path("cache_read_input_tokens").asLong()).isEqualTo(1000);

        Result usage = ccbridge.run("usage", "--days", "1");
        assertThat(usage.exit()).as(usage.toString()).isZero();
        assertThat(usage.out().lines().map(line -> line.strip().replaceAll(" +", " ")).toList())
                .contains("day target requests errors input tokens output cache read cache write cost")
                .anySatisfy(line -> assertThat(line).matches("\\d{4}-\\d\\d-\\d\\d deepseek 2 0 2400 160 2000 0 \\$0.001733"))
                .contains("total deepseek 2 0 2400 160 2000 0 $0.001733")
                .contains("total all targets 2 0 2400 160 2000 0 $0.001733");
    }

    @Test
    void aModelWithoutAKnownPriceHasNoCostNeverAGuess() {
        Result add = ccbridge.run("targets", "add", "--name", "Lab", "--base-url", provider.baseUrl(), "--model",
                "lab-model-7", "--api-key-env", "FAKE_API_KEY", "--activate");
        assertThat(add.exit()).as(add.toString()).isZero();
        assertThat(serveOneRequest("lab")).endsWith("in 1200 out 80  -");

        assertThat(ccbridge.run("log", "show", ccbridge.run("log").out().split(" {2}")[0]).out())
                .contains("cost:     - (no price known for this model; see docs/cost.md)\n");
        Result usage = ccbridge.run("usage");
        assertThat(usage.out()).as(usage.toString()).containsPattern("total +lab +1 +0 +1200 +80 +1000 +0 +-\n");
    }
}
