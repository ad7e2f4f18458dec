package dev.ccbridge.core.websearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.MessagesResponse;
import dev.ccbridge.core.protocol.anthropic.ServerToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.WebSearchResult;
import dev.ccbridge.core.protocol.anthropic.WebSearchToolResultBlock;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.Fakes;
import dev.ccbridge.core.testing.FakeSearchAgent;
import dev.ccbridge.core.testing.Fixtures;
import dev.ccbridge.core.testing.GatewayHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Providers that search themselves, over real HTTP: Claude Code's recorded search request to an
 * OpenAI Responses target (its {@code web_search} tool) and to OpenRouter (its
 * {@code openrouter:web_search} server tool); what they found comes back in Anthropic's shape.
 */
class NativeSearchGatewayTest {
    private static final String SEARCH_REQUEST = Fixtures.text("claude-code/web-search/search-request.json");

    private static Target target(String baseUrl, ApiMode mode, String provider) {
        return Target.builder().id("t").name("T").provider(provider).baseUrl(baseUrl).model("gpt-5.5").apiMode(mode)
                .build();
    }

    @Test
    void openAisOwnSearchAnswersThroughAResponsesTarget() throws Exception {
        try (var openai = Fakes.scripted(ApiMode.CODEX_RESPONSES, FakeSearchAgent::responses);
             var gateway = GatewayHarness.start(target(openai.baseUrl(), ApiMode.CODEX_RESPONSES, "openai"))) {
            MessagesResponse answer = SearchLoopGatewayTest.fold(gateway.post("/v1/messages?beta=true", SEARCH_REQUEST).body());

            JsonNode sent = openai.requests().getFirst();
            assertThat(sent.path("tools")).hasSize(1);
            assertThat(sent.path("tools").get(0).path("type").asText()).isEqualTo("web_search");
            assertThat(sent.path("max_tool_calls").asInt()).isEqualTo(8);
            assertThat(sent.path("include").toString()).contains("web_search_call.action.sources");
            assertThat(openai.requests()).as("the provider searched; no second call").hasSize(1);

            var call = (ServerToolUseBlock) answer.content().get(0);
            assertThat(call.query()).isEqualTo("ccbridge claude code bridge");
            var result = (WebSearchToolResultBlock) answer.content().get(1);
            assertThat(result.toolUseId()).isEqualTo(call.id());
            assertThat(result.results()).extracting(WebSearchResult::url).containsExactly(FakeSearchAgent.NATIVE_PAGE_URL);
            var text = (TextBlock) answer.content().get(2);
            assertThat(text.text()).isEqualTo(FakeSearchAgent.NATIVE_SUMMARY);
            assertThat(text.citations()).hasSize(1);
            assertThat(text.citations().get(0).path("url").asText()).isEqualTo(FakeSearchAgent.NATIVE_PAGE_URL);
            assertThat(text.citations().get(0).path("title").asText()).isEqualTo(FakeSearchAgent.NATIVE_PAGE_TITLE);
            assertThat(text.citations().get(0).path("cited_text").asText()).isEqualTo(FakeSearchAgent.NATIVE_SUMMARY);
            assertThat(answer.usage().webSearchRequests()).isEqualTo(1);
            assertThat(gateway.log.snapshot().getLast().completion().orElseThrow().failure()).isNull();
        }
    }

    @Test
    void allowedDomainsBecomeOpenAisSearchFilter() throws Exception {
        try (var openai = Fakes.scripted(ApiMode.CODEX_RESPONSES, FakeSearchAgent::responses);
             var gateway = GatewayHarness.start(target(openai.baseUrl(), ApiMode.CODEX_RESPONSES, "openai"))) {
            gateway.post("/v1/messages?beta=true", Fixtures.text("claude-code/web-search/search-request-allowed-domains.json"));

            assertThat(openai.requests().getFirst().path("tools").get(0).path("filters").path("allowed_domains").toString())
                    .isEqualTo("[\"example.com\",\"docs.example.org\"]");
        }
    }

    @Test
    void aSearchOpenAiCouldNotMakeIsAnErrorResult() throws Exception {
        String failed = """
                event: response.output_item.done
                data: {"type":"response.output_item.done","output_index":0,"item":{"id":"ws_9","type":"web_search_call","status":"failed","action":{"type":"search","query":"q"}}}

                event: response.output_text.delta
                data: {"type":"response.output_text.delta","item_id":"msg_1","output_index":1,"delta":"I could not search."}

                event: response.completed
                data: {"type":"response.completed","response":{"id":"r","status":"completed","usage":{"input_tokens":10,"output_tokens":5}}}

                """;
        try (var openai = Fakes.scripted(ApiMode.CODEX_RESPONSES, body -> List.of(failed));
             var gateway = GatewayHarness.start(target(openai.baseUrl(), ApiMode.CODEX_RESPONSES, "openai"))) {
            MessagesResponse answer = SearchLoopGatewayTest.fold(gateway.post("/v1/messages?beta=true", SEARCH_REQUEST).body());

            assertThat(((WebSearchToolResultBlock) answer.content().get(1)).errorCode()).hasValue("unavailable");
            assertThat(answer.usage().webSearchRequests()).isZero();
        }
    }

    @Test
    void openRoutersOwnSearchAnswersThroughItsChatEndpoint() throws Exception {
        String annotated = """
                data: {"id":"gen-1","choices":[{"index":0,"delta":{"role":"assistant","content":"ccbridge is a local gateway"}}]}

                data: {"id":"gen-1","choices":[{"index":0,"delta":{"content":" for Claude Code.","annotations":[
                  {"type":"url_citation","url_citation":{"url":"https://ccbridge.example/","title":"ccbridge","content":"A local gateway for Claude Code.","start_index":0,"end_index":27}},
                  {"type":"url_citation","url_citation":{"url":"https://docs.ccbridge.example/setup","title":"Setting it up","content":"Install it."}}]}}]}

                data: {"id":"gen-1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

                data: {"id":"gen-1","choices":[],"usage":{"prompt_tokens":700,"completion_tokens":20,"server_tool_use":{"web_search_requests":2}}}

                data: [DONE]

                """.replace("\n  ", "");
        try (var openrouter = Fakes.scripted(ApiMode.CHAT_COMPLETIONS, body -> List.of(annotated));
             var gateway = GatewayHarness.start(target(openrouter.baseUrl(), ApiMode.CHAT_COMPLETIONS, "openrouter"))) {
            String request = SEARCH_REQUEST.replace("\"max_uses\": 8", "\"max_uses\": 8, \"blocked_domains\": [\"spam.example\"]");
            MessagesResponse answer = SearchLoopGatewayTest.fold(gateway.post("/v1/messages?beta=true", request).body());

            JsonNode tools = openrouter.requests().getFirst().path("tools");
            assertThat(tools).hasSize(1);
            assertThat(tools.get(0)).isEqualTo(Json.parseOrNull(
                    "{\"type\":\"openrouter:web_search\",\"parameters\":{\"excluded_domains\":[\"spam.example\"]}}"));

            var text = (TextBlock) answer.content().get(0);
            assertThat(text.text()).isEqualTo("ccbridge is a local gateway for Claude Code.");
            assertThat(text.citations()).hasSize(2);
            assertThat(text.citations().get(0).path("cited_text").asText()).isEqualTo("A local gateway for Claude Code.");
            assertThat(answer.content().get(1)).isInstanceOf(ServerToolUseBlock.class);
            var result = (WebSearchToolResultBlock) answer.content().get(2);
            assertThat(result.results()).extracting(WebSearchResult::title, WebSearchResult::url).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("ccbridge", "https://ccbridge.example/"),
                    org.assertj.core.groups.Tuple.tuple("Setting it up", "https://docs.ccbridge.example/setup"));
            assertThat(answer.usage().webSearchRequests()).as("as OpenRouter counted them").isEqualTo(2);
            assertThat(answer.stopReason()).isEqualTo("end_turn");
        }
    }
}
