package dev.ccbridge.core.translate.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.translate.common.ToolNames;
import org.junit.jupiter.api.Test;

/** Models that must see their reasoning again (DeepSeek, Kimi, GLM thinking) after a switch of provider. */
class ReasoningReplayTest {
    private static final ResolvedModel DEEPSEEK = new ResolvedModel("deepseek", "claude-sonnet-4-6", "deepseek-v4-pro",
            ModelCatalog.builtIn().lookup("deepseek-v4-pro"));

    private static JsonNode translate(String json) throws Exception {
        MessagesRequest request = Json.WIRE.readValue(json, MessagesRequest.class);
        return Json.WIRE.valueToTree(AnthropicToChat.translate(request, DEEPSEEK, ToolNames.of(request.toolsOrEmpty())));
    }

    private static final String NO_REASONING_HISTORY = """
            {"model":"claude-sonnet-4-6","max_tokens":1000,%s"messages":[{"role":"user","content":"fix it"},\
            {"role":"assistant","content":[{"type":"redacted_thinking","data":"EmwKAhgB"},\
            {"type":"tool_use","id":"call_1","name":"Read","input":{"file_path":"/a"}}]},\
            {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"class A {}"}]},\
            {"role":"assistant","content":[{"type":"text","text":"Fixed."}]},{"role":"user","content":"thanks"}]}""";

    @Test
    void turnsWrittenWithoutReadableReasoningGetAPlaceholder() throws Exception {
        JsonNode chat = translate(NO_REASONING_HISTORY.formatted(""));

        var assistants = chat.path("messages").findParents("tool_calls");
        assertThat(assistants).hasSize(1);
        for (JsonNode message : chat.path("messages")) {
            if ("assistant".equals(message.path("role").asText())) {
                assertThat(message.path("reasoning_content").asText())
                        .isEqualTo(AnthropicToChat.REASONING_UNAVAILABLE);
            }
        }
        assertThat(chat.toString()).doesNotContain("EmwKAhgB");
    }

    @Test
    void noPlaceholderWhenClaudeCodeTurnedThinkingOff() throws Exception {
        JsonNode chat = translate(NO_REASONING_HISTORY.formatted("\"thinking\":{\"type\":\"disabled\"},"));

        assertThat(chat.findValues("reasoning_content")).isEmpty();
    }

    @Test
    void severalThinkingBlocksOfOneTurnStaySeparateParagraphs() throws Exception {
        JsonNode chat = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,"messages":[{"role":"user","content":"q"},\
                {"role":"assistant","content":[{"type":"thinking","thinking":"First."},\
                {"type":"tool_use","id":"call_1","name":"Read","input":{}},\
                {"type":"thinking","thinking":"Second."}]},\
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"x"}]}]}""");

        assertThat(chat.path("messages").get(1).path("reasoning_content").asText()).isEqualTo("First.\n\nSecond.");
    }

    @Test
    void anAssistantTurnWithNothingButEmptyThinkingIsLeftOut() throws Exception {
        JsonNode chat = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,"messages":[{"role":"user","content":"q"},\
                {"role":"assistant","content":[{"type":"thinking","thinking":""}]},{"role":"user","content":"again"}]}""");

        assertThat(chat.path("messages")).extracting(m -> m.path("role").asText()).containsExactly("user", "user");
    }
}
