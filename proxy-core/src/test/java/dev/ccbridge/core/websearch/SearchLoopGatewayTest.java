package dev.ccbridge.core.websearch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.MessagesResponse;
import dev.ccbridge.core.protocol.anthropic.ServerToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.WebSearchResult;
import dev.ccbridge.core.protocol.anthropic.WebSearchToolResultBlock;
import dev.ccbridge.core.stream.MessageAccumulator;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.testing.Fakes;
import dev.ccbridge.core.testing.FakeSearchAgent;
import dev.ccbridge.core.testing.Fixtures;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.testing.SseText;
import dev.ccbridge.fake.FakeProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Web search through a configured backend, over real HTTP: Claude Code's recorded search request
 * to a Chat target, a fake model that calls the search function ccbridge offers, a fake Brave
 * Search behind ccbridge; the answer read back as Claude Code reads it.
 */
class SearchLoopGatewayTest {
    private static final String SEARCH_REQUEST = Fixtures.text("claude-code/web-search/search-request.json");
    private static final String BRAVE_KEY = "BSAfakeBraveKey0123456789abcdef";
    private static final String BRAVE_ANSWER = """
            {"type":"search","web":{"results":[
              {"title":"ccbridge on GitHub","url":"https://github.com/example/ccbridge","description":"Claude Code Bridge: use Claude Code with any provider.","age":"2 days ago"},
              {"title":"Blocked mirror","url":"https://mirror.blocked.example/ccbridge","description":"A copy."}]}}""";

    private WireMockServer brave;
    private FakeProvider model;
    private GatewayHarness gateway;

    @BeforeEach
    void start() {
        brave = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        brave.start();
        brave.stubFor(get(urlPathEqualTo("/res/v1/web/search")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(BRAVE_ANSWER)));
        model = Fakes.scripted(ApiMode.CHAT_COMPLETIONS, FakeSearchAgent::chat);
        gateway = GatewayHarness.start(GatewayHarness.chatTarget(model.baseUrl(), "fake-model"));
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        model.close();
        brave.stop();
    }

    private void useBrave() {
        var settings = new SearchSettings(SearchBackend.BRAVE, brave.baseUrl() + "/res/v1", 5, "CCBRIDGE_TEST_UNSET_VAR");
        gateway.registry.update(settings.applyTo(gateway.registry.config()));
        gateway.secrets.put(settings.secretAccount(), BRAVE_KEY);
    }

    @Test
    void claudeCodesSearchRequestIsAnsweredWithTheBackendsPagesInAnthropicsShape() {
        useBrave();

        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", SEARCH_REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        MessagesResponse answer = fold(response.body());
        assertThat(answer.content()).hasSize(3);
        var call = (ServerToolUseBlock) answer.content().get(0);
        assertThat(call.name()).isEqualTo("web_search");
        assertThat(call.id()).startsWith("srvtoolu_");
        assertThat(call.query()).isEqualTo("ccbridge claude code bridge");
        var result = (WebSearchToolResultBlock) answer.content().get(1);
        assertThat(result.toolUseId()).isEqualTo(call.id());
        assertThat(result.results()).extracting(WebSearchResult::title, WebSearchResult::url).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ccbridge on GitHub", "https://github.com/example/ccbridge"),
                org.assertj.core.groups.Tuple.tuple("Blocked mirror", "https://mirror.blocked.example/ccbridge"));
        assertThat(result.results().getFirst().pageAge()).isEqualTo("2 days ago");
        assertThat(((TextBlock) answer.content().get(2)).text()).contains("ccbridge on GitHub")
                .contains("Claude Code Bridge: use Claude Code with any provider.");
        assertThat(answer.stopReason()).isEqualTo("end_turn");
        assertThat(answer.usage().webSearchRequests()).isEqualTo(1);
        assertThat(answer.usage().inputTokens()).as("both model calls count").isEqualTo(1800);

        LoggedRequest search = brave.findAll(getRequestedFor(urlPathEqualTo("/res/v1/web/search"))).getFirst();
        assertThat(search.queryParameter("q").firstValue()).isEqualTo("ccbridge claude code bridge");
        assertThat(search.queryParameter("count").firstValue()).isEqualTo("5");
        assertThat(search.getHeader("X-Subscription-Token")).isEqualTo(BRAVE_KEY);

        List<JsonNode> calls = model.requests();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).path("tools")).hasSize(1);
        assertThat(calls.get(0).path("tools").get(0).path("function").path("name").asText()).isEqualTo("web_search");
        JsonNode followUp = calls.get(1).path("messages");
        JsonNode toolMessage = followUp.get(followUp.size() - 1);
        assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
        assertThat(toolMessage.path("content").asText()).contains("ccbridge on GitHub")
                .contains("https://github.com/example/ccbridge");

        RequestRecord logged = gateway.log.snapshot().getLast();
        assertThat(logged.completion().orElseThrow().failure()).isNull();
        assertThat(logged.completion().orElseThrow().usage().webSearchRequests()).isEqualTo(1);
    }

    @Test
    void blockedDomainsNeverReachTheModelNorClaudeCode() {
        useBrave();
        String request = SEARCH_REQUEST.replace("\"max_uses\": 8", "\"max_uses\": 8, \"blocked_domains\": [\"blocked.example\"]");

        MessagesResponse answer = fold(gateway.post("/v1/messages?beta=true", request).body());

        var result = (WebSearchToolResultBlock) answer.content().get(1);
        assertThat(result.results()).extracting(WebSearchResult::url).containsExactly("https://github.com/example/ccbridge");
        assertThat(model.requests().get(1).toString()).doesNotContain("mirror.blocked.example");
    }

    @Test
    void allowedDomainsNarrowTheQueryAndTheResults() {
        useBrave();

        MessagesResponse answer = fold(gateway.post("/v1/messages?beta=true",
                Fixtures.text("claude-code/web-search/search-request-allowed-domains.json")).body());

        LoggedRequest search = brave.findAll(getRequestedFor(urlPathEqualTo("/res/v1/web/search"))).getFirst();
        assertThat(search.queryParameter("q").firstValue())
                .isEqualTo("ccbridge docs (site:example.com OR site:docs.example.org)");
        var result = (WebSearchToolResultBlock) answer.content().get(1);
        assertThat(result.results()).as("neither page is on an allowed domain").isEmpty();
        assertThat(model.requests().get(1).toString()).contains("found no pages");
    }

    @Test
    void withoutABackendTheModelAndClaudeCodeAreToldAndTheLogSaysHowToSetOneUp() {
        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", SEARCH_REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        MessagesResponse answer = fold(response.body());
        var result = (WebSearchToolResultBlock) answer.content().get(1);
        assertThat(result.errorCode()).hasValue("unavailable");
        assertThat(answer.usage().webSearchRequests()).isZero();
        assertThat(model.requests().get(1).toString()).contains("failed (unavailable)")
                .contains("ccbridge search set --backend brave");
        RequestRecord.Failure logged = gateway.log.snapshot().getLast().completion().orElseThrow().failure();
        assertThat(logged.type()).isEqualTo("web_search_unavailable");
        assertThat(logged.message()).contains("no search backend configured").contains("ccbridge search set");
        assertThat(brave.getAllServeEvents()).isEmpty();
    }

    @Test
    void aBackendThatRefusesTheKeyIsAnErrorResultAndAFailureInTheLog() {
        useBrave();
        brave.stubFor(get(urlPathEqualTo("/res/v1/web/search")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"detail\":\"The provided subscription token is invalid\"}}")));

        MessagesResponse answer = fold(gateway.post("/v1/messages?beta=true", SEARCH_REQUEST).body());

        assertThat(((WebSearchToolResultBlock) answer.content().get(1)).errorCode()).hasValue("unavailable");
        RequestRecord.Failure logged = gateway.log.snapshot().getLast().completion().orElseThrow().failure();
        assertThat(logged.type()).isEqualTo("web_search_failed");
        assertThat(logged.message()).contains("Brave Search rejected the API key (401)");
        assertThat(gateway.log.snapshot().getLast().toString() + response(answer)).doesNotContain(BRAVE_KEY);
    }

    @Test
    void aClientThatDoesNotStreamGetsTheSameBlocksInOneMessage() throws IOException {
        useBrave();

        HttpResponse<String> response = gateway.post("/v1/messages?beta=true",
                SEARCH_REQUEST.replace("\"stream\": true", "\"stream\": false"));

        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        MessagesResponse answer = Json.WIRE.readValue(response.body(), MessagesResponse.class);
        assertThat(answer.content()).extracting(ContentBlock::getClass).containsExactly(ServerToolUseBlock.class,
                WebSearchToolResultBlock.class, TextBlock.class);
        assertThat(answer.usage().webSearchRequests()).isEqualTo(1);
    }

    @Test
    void maxUsesBoundsTheSearchesAndAModelThatKeepsSearchingIsStopped() throws Exception {
        useBrave();
        // A model that searches whatever it is told, and numbers its calls afresh in every response.
        try (var stubborn = Fakes.scripted(ApiMode.CHAT_COMPLETIONS, body -> List.of(
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,"
                        + "\"id\":\"call_0\",\"type\":\"function\",\"function\":{\"name\":\"web_search\","
                        + "\"arguments\":\"{\\\"query\\\":\\\"again\\\"}\"}}]}}]}\n\n",
                "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n",
                "data: [DONE]\n\n"));
             var bounded = GatewayHarness.start(GatewayHarness.chatTarget(stubborn.baseUrl(), "fake-model"))) {
            var settings = new SearchSettings(SearchBackend.BRAVE, brave.baseUrl() + "/res/v1", 5, "CCBRIDGE_TEST_UNSET_VAR");
            bounded.registry.update(settings.applyTo(bounded.registry.config()));
            bounded.secrets.put(settings.secretAccount(), BRAVE_KEY);

            MessagesResponse answer = fold(bounded.post("/v1/messages?beta=true",
                    SEARCH_REQUEST.replace("\"max_uses\": 8", "\"max_uses\": 2")).body());

            List<ServerToolUseBlock> calls = answer.content().stream().filter(ServerToolUseBlock.class::isInstance)
                    .map(ServerToolUseBlock.class::cast).toList();
            List<WebSearchToolResultBlock> results = answer.content().stream()
                    .filter(WebSearchToolResultBlock.class::isInstance).map(WebSearchToolResultBlock.class::cast).toList();
            assertThat(calls).extracting(ServerToolUseBlock::id).doesNotHaveDuplicates().hasSize(4);
            assertThat(results).extracting(r -> r.errorCode().orElse("found"))
                    .containsExactly("found", "found", "max_uses_exceeded", "max_uses_exceeded");
            assertThat(brave.findAll(getRequestedFor(urlPathEqualTo("/res/v1/web/search")))).hasSize(2);
            assertThat(answer.usage().webSearchRequests()).isEqualTo(2);
            assertThat(answer.stopReason()).isEqualTo("end_turn");
            assertThat(stubborn.requests()).hasSize(4);
            assertThat(stubborn.requests().get(3).toString()).contains("failed (max_uses_exceeded)");
        }
    }

    private static String response(MessagesResponse answer) {
        return Json.write(answer);
    }

    /** The SSE answer folded as Claude Code folds it (any illegal order fails). */
    static MessagesResponse fold(String sse) {
        var folded = new MessageAccumulator();
        for (SseText.Frame frame : SseText.parse(sse)) {
            try {
                folded.accept(Json.WIRE.treeToValue(frame.data(), StreamEvent.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folded.message();
    }
}
