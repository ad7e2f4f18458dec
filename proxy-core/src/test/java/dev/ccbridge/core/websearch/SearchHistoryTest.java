package dev.ccbridge.core.websearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.Fakes;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.translate.common.SearchResultText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A history with past web searches (an Anthropic client keeps the search blocks and sends them
 * back), sent on to every kind of upstream: the searches arrive as text the model can read, with
 * the pages and their excerpts; an Anthropic upstream gets the blocks unchanged.
 */
class SearchHistoryTest {
    private static final String EXCERPT = "ccbridge lets Claude Code use any provider.";
    private static final String HISTORY = """
            {"model":"claude-sonnet-4-6","max_tokens":1000,"stream":true,
             "messages":[
              {"role":"user","content":"What is ccbridge?"},
              {"role":"assistant","content":[
                {"type":"text","text":"Let me search."},
                {"type":"server_tool_use","id":"srvtoolu_01","name":"web_search","input":{"query":"ccbridge"}},
                {"type":"web_search_tool_result","tool_use_id":"srvtoolu_01","content":[
                  {"type":"web_search_result","title":"ccbridge README","url":"https://github.com/example/ccbridge","encrypted_content":"%s","page_age":"2 days ago"},
                  {"type":"web_search_result","title":"An Anthropic result","url":"https://anthropic.example/page","encrypted_content":"EqgfCioIARgBIiQ3opaque"}]},
                {"type":"server_tool_use","id":"srvtoolu_02","name":"web_search","input":{"query":"ccbridge license"}},
                {"type":"web_search_tool_result","tool_use_id":"srvtoolu_02","content":{"type":"web_search_tool_result_error","error_code":"max_uses_exceeded"}},
                {"type":"text","text":"It is a bridge."}]},
              {"role":"user","content":"Thanks. Say OK."}]}
            """.formatted(SearchResultText.carry(EXCERPT));

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES"})
    void pastSearchesReachAnOpenAiStyleUpstreamAsText(ApiMode mode) throws Exception {
        try (var provider = Fakes.start(mode);
             var gateway = GatewayHarness.start(Target.builder().id("t").name("T").provider("fake")
                     .baseUrl(provider.baseUrl()).model("m").apiMode(mode).build())) {
            assertThat(gateway.post("/v1/messages", HISTORY).statusCode()).isEqualTo(200);

            assertSearchesAsText(provider.requests().getFirst());
        }
    }

    @Test
    void pastSearchesReachBedrockAsText() throws Exception {
        try (var bedrock = Fakes.start(ApiMode.BEDROCK_CONVERSE);
             var gateway = GatewayHarness.start(Fakes.target(ApiMode.BEDROCK_CONVERSE, bedrock,
                     "us.anthropic.claude-sonnet-4-5-20250929-v1:0"))) {
            assertThat(gateway.post("/v1/messages", HISTORY).statusCode()).isEqualTo(200);

            assertSearchesAsText(bedrock.last().json());
        }
    }

    @Test
    void anAnthropicUpstreamGetsTheSearchBlocksAsTheyWere() throws Exception {
        try (var provider = Fakes.start(ApiMode.ANTHROPIC_MESSAGES);
             var gateway = GatewayHarness.start(Target.builder().id("t").name("T").provider("anthropic")
                     .baseUrl(provider.rootUrl()).apiMode(ApiMode.ANTHROPIC_MESSAGES).build())) {
            assertThat(gateway.post("/v1/messages", HISTORY).statusCode()).isEqualTo(200);

            String sent = provider.requests().getFirst().toString();
            assertThat(sent).contains("\"type\":\"server_tool_use\"").contains("EqgfCioIARgBIiQ3opaque");
        }
    }

    private static void assertSearchesAsText(JsonNode upstreamBody) {
        String sent = upstreamBody.toString();
        assertThat(sent).contains("Web search results for \\\"ccbridge\\\":")
                .contains("1. ccbridge README").contains("https://github.com/example/ccbridge (2 days ago)")
                .contains(EXCERPT)
                .contains("2. An Anthropic result").contains("https://anthropic.example/page")
                .contains("Web search for \\\"ccbridge license\\\" failed (max_uses_exceeded).")
                .contains("Let me search.").contains("It is a bridge.");
        assertThat(sent).doesNotContain("srvtoolu_").doesNotContain("EqgfCioIARgBIiQ3opaque")
                .doesNotContain("web_search_tool_result");
    }
}
