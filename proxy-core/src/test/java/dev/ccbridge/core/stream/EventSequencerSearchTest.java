package dev.ccbridge.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.Citation;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.Delta;
import dev.ccbridge.core.protocol.anthropic.MessagesResponse;
import dev.ccbridge.core.protocol.anthropic.ServerToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.protocol.anthropic.WebSearchResult;
import dev.ccbridge.core.protocol.anthropic.WebSearchToolResultBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Web search inside one answer: the sequencer pauses an answer whose upstream call ended with
 * searches for ccbridge to run, and the next call goes on in the same message. Every sequence is
 * folded by the client-side checker.
 */
class EventSequencerSearchTest {
    private final EventSequencer out = new EventSequencer("msg_1", "claude-sonnet-4-6", 50);
    private final List<StreamEvent> sent = new ArrayList<>();

    private MessagesResponse folded() {
        sent.addAll(out.drain());
        var checker = new MessageAccumulator();
        sent.forEach(checker::accept);
        return checker.message();
    }

    @Test
    void aSearchCallPausesTheAnswerAndTheNextCallGoesOnInTheSameMessage() {
        out.answerCallsTo("web_search");
        out.thinking("Need fresh facts.");
        out.signature("sig-1");
        out.toolStart("index:0", "call_1", "web_search");
        out.toolArguments("index:0", "{\"query\":");
        out.toolArguments("index:0", "\"ccbridge\"}");
        out.usage(new Usage(100, 10, 0, 20));
        out.finish("tool_use", null);
        out.end();

        assertThat(out.isPaused()).isTrue();
        assertThat(out.isDone()).isFalse();
        assertThat(out.unansweredCalls()).containsExactly(
                new EventSequencer.ServerCall("srvtoolu_call_1", "web_search", "{\"query\":\"ccbridge\"}"));
        assertThat(out.roundBlocks()).containsExactly(new ThinkingBlock("Need fresh facts.", "sig-1"),
                new ServerToolUseBlock("srvtoolu_call_1", "web_search", Json.object().put("query", "ccbridge")));
        sent.addAll(out.drain());
        assertThat(sent).noneMatch(e -> e instanceof StreamEvent.MessageDelta || e instanceof StreamEvent.MessageStop);

        out.webSearchResult(WebSearchToolResultBlock.of("srvtoolu_call_1",
                List.of(WebSearchResult.of("Page", "https://example.com/", "", null))));
        out.nextRound();
        out.text("ccbridge is a bridge.");
        out.usage(new Usage(300, 30, 0, 0));
        out.finish("end_turn", null);
        out.end();

        assertThat(out.isDone()).isTrue();
        MessagesResponse answer = folded();
        assertThat(answer.content()).extracting(ContentBlock::getClass).containsExactly(ThinkingBlock.class,
                ServerToolUseBlock.class, WebSearchToolResultBlock.class, TextBlock.class);
        assertThat(answer.stopReason()).as("a server tool call is no call for Claude Code").isEqualTo("end_turn");
        assertThat(answer.usage()).isEqualTo(new Usage(400, 40, 0, 20).withWebSearches(1));
    }

    @Test
    void anUpstreamCallWithClientToolsTooEndsWithToolUseOnceTheSearchIsAnswered() {
        out.answerCallsTo("web_search");
        out.toolStart("index:0", "call_1", "web_search");
        out.toolArguments("index:0", "{\"query\":\"x\"}");
        out.toolStart("index:1", "call_2", "Read");
        out.toolArguments("index:1", "{\"file_path\":\"/a\"}");
        out.end();
        assertThat(out.isPaused()).isTrue();
        assertThat(out.calledClientTools()).isTrue();

        out.webSearchResult(WebSearchToolResultBlock.error("srvtoolu_call_1", "unavailable"));
        out.end();

        MessagesResponse answer = folded();
        assertThat(answer.content().get(1)).isEqualTo(new ToolUseBlock("call_2", "Read", Json.object().put("file_path", "/a")));
        assertThat(answer.stopReason()).isEqualTo("tool_use");
        assertThat(answer.usage().webSearchRequests()).as("a failed search is not counted").isZero();
    }

    @Test
    void aNativeSearchIsOneCallAndItsResultAndCitationsGoInsideTheText() {
        out.serverToolCall("srvtoolu_ws_1", "web_search", Json.object().put("query", "ccbridge"));
        out.webSearchResult(WebSearchToolResultBlock.of("srvtoolu_ws_1",
                List.of(WebSearchResult.of("Page", "https://example.com/", "", null))));
        out.citation(Citation.webSearchResult("https://example.com/", "Page", "dropped: no text is open"));
        out.text("It is a bridge.");
        out.citation(Citation.webSearchResult("https://example.com/", "Page", "a bridge"));
        out.webSearchesReported(2);
        out.end();

        MessagesResponse answer = folded();
        assertThat(((ServerToolUseBlock) answer.content().getFirst()).query()).isEqualTo("ccbridge");
        TextBlock text = (TextBlock) answer.content().get(2);
        assertThat(text.citations()).hasSize(1);
        assertThat(text.citations().get(0).path("cited_text").asText()).isEqualTo("a bridge");
        assertThat(text.citations().get(0).path("type").asText()).isEqualTo("web_search_result_location");
        assertThat(answer.usage().webSearchRequests()).as("the provider's count, when higher").isEqualTo(2);
        assertThat(Json.write(answer)).contains("\"server_tool_use\":{\"web_search_requests\":2}");
    }

    @Test
    void withoutSearchesUsageHasNoServerToolUse() {
        out.text("Hi");
        out.end();

        assertThat(Json.write(folded())).doesNotContain("server_tool_use");
    }

    @Test
    void theClientSideCheckerRejectsACitationOutsideText() {
        var checker = new MessageAccumulator();
        checker.accept(new StreamEvent.MessageStart(MessagesResponse.of("m", "x", List.of(), null, null, Usage.ZERO)));
        checker.accept(new StreamEvent.ContentBlockStart(0, ServerToolUseBlock.opening("srvtoolu_1", "web_search")));

        assertThatThrownBy(() -> checker.accept(new StreamEvent.ContentBlockDelta(0,
                new Delta.Citations(Citation.webSearchResult("https://example.com/", "t", "")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("citations_delta");
    }
}
