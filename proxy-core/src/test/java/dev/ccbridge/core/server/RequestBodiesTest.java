package dev.ccbridge.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.ImageBlock;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.UnknownBlock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How message content is read: every block into its record, whatever order its fields come in. */
class RequestBodiesTest {
    private static List<ContentBlock> content(String blocks) throws Rejection {
        String body = "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":"
                + blocks + "}]}";
        MessagesRequest request = RequestBodies.parseMessages(body.getBytes(StandardCharsets.UTF_8), true);
        return request.messages().getFirst().content();
    }

    @Test
    void aToolResultWithItsIdBeforeItsTypeKeepsIdContentAndCacheControl() throws Exception {
        // Claude Code writes tool results this way round: tool_use_id, then type.
        var blocks = content("""
                [{"tool_use_id":"toolu_1","type":"tool_result","content":[{"type":"text","text":"a.txt\\nb.txt"}],
                  "is_error":true,"cache_control":{"type":"ephemeral"}},
                 {"type":"text","text":"go on"}]""");

        assertThat(blocks).hasSize(2);
        var result = (ToolResultBlock) blocks.get(0);
        assertThat(result.toolUseId()).isEqualTo("toolu_1");
        assertThat(result.failed()).isTrue();
        assertThat(result.content()).containsExactly(new TextBlock("a.txt\nb.txt"));
        assertThat(result.cacheControl().path("type").asText()).isEqualTo("ephemeral");
        assertThat(blocks.get(1)).isEqualTo(new TextBlock("go on"));
    }

    @Test
    void typeLastOrInTheMiddleStillPicksTheRecord() throws Exception {
        var blocks = content("""
                [{"id":"toolu_2","name":"Read","input":{"file_path":"/a"},"type":"tool_use"},
                 {"source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="},"type":"image"},
                 {"tool_use_id":"toolu_2","content":"plain text result","type":"tool_result"}]""");

        var use = (ToolUseBlock) blocks.get(0);
        assertThat(use.id()).isEqualTo("toolu_2");
        assertThat(use.input().path("file_path").asText()).isEqualTo("/a");
        assertThat(((ImageBlock) blocks.get(1)).source().data()).isEqualTo("iVBORw0KGgo=");
        assertThat(((ToolResultBlock) blocks.get(2)).content()).containsExactly(new TextBlock("plain text result"));
    }

    @Test
    void typesCcbridgeDoesNotModelKeepEveryField() throws Exception {
        var blocks = content("""
                [{"type":"search_result","source":"https://a.example","title":"A","content":[{"type":"text","text":"x"}]},
                 {"title":"B","type":"mcp_tool_use","id":"mcptoolu_1"},
                 {"text":"no type at all"},
                 {"type":7,"text":"a type that is not a name"}]""");

        var search = (UnknownBlock) blocks.get(0);
        assertThat(search.type()).isEqualTo("search_result");
        assertThat(search.fields().keySet()).containsExactly("type", "source", "title", "content");
        assertThat(search.fields().get("content").get(0).path("text").asText()).isEqualTo("x");
        var server = (UnknownBlock) blocks.get(1);
        assertThat(server.type()).isEqualTo("mcp_tool_use");
        assertThat(server.fields().keySet()).containsExactlyInAnyOrder("type", "title", "id");
        assertThat(((UnknownBlock) blocks.get(2)).fields().get("text").asText()).isEqualTo("no type at all");
        assertThat(((UnknownBlock) blocks.get(3)).fields().get("type").asInt()).isEqualTo(7);
    }

    @Test
    void contentAsAStringIsOneTextBlock() throws Exception {
        assertThat(content("\"hello\"")).containsExactly(new TextBlock("hello"));
    }

    @Test
    void aBodyCutOffInsideTheContentIsRejectedAsInvalidJson() {
        byte[] cut = "{\"model\":\"m\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\""
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RequestBodies.parseMessages(cut, true))
                .isInstanceOf(Rejection.class)
                .hasMessageStartingWith("request body is not valid JSON: Unexpected end-of-input");
    }

    @Test
    void aBlockThatIsNotAnObjectIsRejectedWithItsPlace() {
        assertThatThrownBy(() -> content("[{\"type\":\"text\",\"text\":\"ok\"}, 42]"))
                .isInstanceOf(Rejection.class)
                .hasMessage("messages.0.content.1: expected an object");
        assertThatThrownBy(() -> content("{\"type\":\"text\"}"))
                .isInstanceOf(Rejection.class)
                .hasMessage("messages.0.content: expected an array");
        assertThatThrownBy(() -> content("[{\"type\":\"text\",\"text\":[1]}]"))
                .isInstanceOf(Rejection.class)
                .hasMessage("messages.0.content.0.text: expected a string");
    }
}
