package dev.ccbridge.core.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.ClaudeCode;
import dev.ccbridge.core.testing.Fakes;
import dev.ccbridge.core.testing.FakeSearchAgent;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.websearch.SearchBackend;
import dev.ccbridge.core.websearch.SearchSettings;
import dev.ccbridge.fake.FakeProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Claude Code CLI using its WebSearch tool through ccbridge: the model loads the tool,
 * calls it, Claude Code sends its own search request (Anthropic's server tool), ccbridge has the
 * search run, and what was found reaches the model's next turn and the user.
 */
class ClaudeCodeWebSearchTest {
    private static final String PROMPT = FakeSearchAgent.PROMPT_MARKER + ": search the web for ccbridge";
    private static final String BRAVE_ANSWER = """
            {"web":{"results":[{"title":"ccbridge on GitHub","url":"https://github.com/example/ccbridge",
              "description":"Claude Code Bridge: use Claude Code with any provider."}]}}""";

    @TempDir
    Path scratch;

    private static Target target(String baseUrl, ApiMode mode, String provider) {
        return Target.builder().id("fake").name("Fake").provider(provider).baseUrl(baseUrl).model("fake-model")
                .apiMode(mode).build();
    }

    private ClaudeCode.Result search(GatewayHarness gateway) throws Exception {
        return ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch, PROMPT,
                "--allowedTools", "WebSearch");
    }

    private static String story(ClaudeCode.Result result, GatewayHarness gateway, FakeProvider model) {
        return ClaudeCode.story(result, gateway, model);
    }

    @Test
    void webSearchWorksThroughAResponsesTargetWithOpenAisOwnSearch() throws Exception {
        ClaudeCode.binary();
        try (var model = Fakes.scripted(ApiMode.CODEX_RESPONSES, FakeSearchAgent::responses);
             var gateway = GatewayHarness.start(target(model.baseUrl(), ApiMode.CODEX_RESPONSES, "openai"))) {
            ClaudeCode.Result result = search(gateway);

            String story = story(result, gateway, model);
            assertThat(result.exit()).as(story).isZero();
            assertThat(result.output()).as(story).contains("The search tool said:")
                    .contains(FakeSearchAgent.NATIVE_PAGE_URL).contains(FakeSearchAgent.NATIVE_SUMMARY);
            List<JsonNode> searches = model.requests().stream()
                    .filter(r -> r.path("tools").toString().contains("\"type\":\"web_search\"")).toList();
            assertThat(searches).as(story).hasSize(1);
            assertThat(searches.getFirst().path("input").toString()).contains(FakeSearchAgent.QUERY);
        }
    }

    @Test
    void webSearchWorksThroughAChatTargetWithAConfiguredBackend() throws Exception {
        ClaudeCode.binary();
        var brave = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        brave.start();
        try (var model = Fakes.scripted(ApiMode.CHAT_COMPLETIONS, FakeSearchAgent::chat);
             var gateway = GatewayHarness.start(target(model.baseUrl(), ApiMode.CHAT_COMPLETIONS, "deepseek"))) {
            brave.stubFor(get(urlPathEqualTo("/res/v1/web/search")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(BRAVE_ANSWER)));
            var settings = new SearchSettings(SearchBackend.BRAVE, brave.baseUrl() + "/res/v1", 5, "CCBRIDGE_TEST_UNSET");
            gateway.registry.update(settings.applyTo(gateway.registry.config()));
            gateway.secrets.put(settings.secretAccount(), "BSAfakeKey0123456789");

            ClaudeCode.Result result = search(gateway);

            String story = story(result, gateway, model);
            assertThat(result.exit()).as(story).isZero();
            // Claude Code's Links line (from the result block) and the model's summary of the excerpt.
            assertThat(result.output()).as(story).contains("https://github.com/example/ccbridge")
                    .contains("ccbridge on GitHub").contains("Claude Code Bridge: use Claude Code with any provider.");
            assertThat(brave.findAll(getRequestedFor(urlPathEqualTo("/res/v1/web/search"))))
                    .as(story).singleElement()
                    .satisfies(r -> assertThat(r.queryParameter("q").firstValue()).isEqualTo(FakeSearchAgent.QUERY));
            assertThat(gateway.log.snapshot()).as(story).anySatisfy(r ->
                    assertThat(r.completion().orElseThrow().usage().webSearchRequests()).isEqualTo(1));
        } finally {
            brave.stop();
        }
    }

    @Test
    void withoutAnySearchClaudeCodeIsToldTheSearchFailedAndTheLogSaysWhy() throws Exception {
        ClaudeCode.binary();
        try (var model = Fakes.scripted(ApiMode.CHAT_COMPLETIONS, FakeSearchAgent::chat);
             var gateway = GatewayHarness.start(target(model.baseUrl(), ApiMode.CHAT_COMPLETIONS, "deepseek"))) {
            ClaudeCode.Result result = search(gateway);

            String story = story(result, gateway, model);
            assertThat(result.exit()).as(story).isZero();
            assertThat(result.output()).as(story).contains("Web search error: unavailable");
            assertThat(gateway.log.snapshot()).as(story).anySatisfy(r -> {
                var failure = r.completion().orElseThrow().failure();
                assertThat(failure).isNotNull();
                assertThat(failure.type()).isEqualTo("web_search_unavailable");
                assertThat(failure.message()).contains("ccbridge search set");
            });
        }
    }
}
