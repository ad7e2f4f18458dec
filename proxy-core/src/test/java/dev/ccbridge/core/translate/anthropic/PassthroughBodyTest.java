package dev.ccbridge.core.translate.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.translate.common.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PassthroughBodyTest {
    private static final ResolvedModel CLAUDE = model("claude-sonnet-4-6", null);
    /** A gateway model that takes no cache_control and at most 8192 output tokens. */
    private static final ResolvedModel SMALL = model("glm-4.6",
            new ModelCapabilities(8192, null, null, null, null, null, null, false, null, null));

    private static ResolvedModel model(String upstream, ModelCapabilities override) {
        ModelCapabilities caps = ModelCatalog.builtIn().lookup(upstream);
        return new ResolvedModel("gateway", "claude-sonnet-4-6", upstream, override == null ? caps : override.over(caps));
    }

    private static String rewrite(String json, ResolvedModel model) {
        return new String(PassthroughBody.rewrite(json.getBytes(StandardCharsets.UTF_8), model),
                StandardCharsets.UTF_8);
    }

    private static JsonNode rewriteJson(String json, ResolvedModel model) {
        return Json.parseOrNull(rewrite(json, model));
    }

    @Test
    void leavesABodyAnthropicAcceptsByteForByte() {
        String body = """
                {"model":"claude-sonnet-4-6", "max_tokens":32000,"thinking":{"type":"enabled","budget_tokens":31999},\
                "system":[{"type":"text","text":"sys","cache_control":{"type":"ephemeral","ttl":"1h"}}],\
                "messages":[{"role":"user","content":"caf\\u00e9"},\
                {"role":"assistant","content":[{"type":"thinking","thinking":"t","signature":"EqQBCkYIBxgC"},\
                {"type":"redacted_thinking","data":"EmwKAhgB"},{"type":"tool_use","id":"toolu_01A","name":"Read","input":{}}]},\
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01A","content":"x"}]}]}""";

        assertThat(rewrite(body, CLAUDE)).isEqualTo(body);
    }

    @Test
    void replacesTheModelAndClampsMaxTokens() {
        JsonNode out = rewriteJson("{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":32000,\"messages\":[]}", SMALL);

        assertThat(out.path("model").asText()).isEqualTo("glm-4.6");
        assertThat(out.path("max_tokens").asInt()).isEqualTo(8192);
    }

    @Test
    void dropsThinkingWithoutAGenuineSignatureAndKeepsTheRest() {
        String body = """
                {"model":"claude-sonnet-4-6","max_tokens":1000,"messages":[{"role":"user","content":"q"},\
                {"role":"assistant","content":[{"type":"thinking","thinking":"no signature"},\
                {"type":"thinking","thinking":"empty","signature":""},\
                {"type":"thinking","thinking":"carried","signature":"ccb1.eyJtb2RlIjoiY29kZXhfcmVzcG9uc2VzIn0"},\
                {"type":"redacted_thinking","data":"EmwKAhgB"},\
                {"type":"thinking","thinking":"genuine","signature":"EqQBCkYIBxgC"},{"type":"text","text":"A"}]},\
                {"role":"user","content":"more"}]}""";

        JsonNode assistant = rewriteJson(body, CLAUDE).path("messages").get(1).path("content");

        assertThat(assistant).extracting(block -> block.path("type").asText())
                .containsExactly("redacted_thinking", "thinking", "text");
        assertThat(assistant.get(1).path("signature").asText()).isEqualTo("EqQBCkYIBxgC");
    }

    @Test
    void removesAnAssistantTurnThatHeldOnlyUnverifiableThinking() {
        String body = """
                {"model":"m","max_tokens":1000,"messages":[{"role":"user","content":"q"},\
                {"role":"assistant","content":[{"type":"thinking","thinking":"only this"}]},\
                {"role":"user","content":"again"}]}""";

        JsonNode messages = rewriteJson(body, CLAUDE).path("messages");

        assertThat(messages).extracting(m -> m.path("role").asText()).containsExactly("user", "user");
    }

    @Test
    void turnsThinkingOffWhenTheOpenToolLoopNoLongerStartsWithThinking() {
        // Written by a chat upstream: its reasoning had no signature, so it goes; the loop is still open.
        String body = """
                {"model":"m","max_tokens":32000,"thinking":{"type":"enabled","budget_tokens":10000},\
                "context_management":{"edits":[{"type":"clear_thinking_20251015","keep":"all"},\
                {"type":"clear_tool_uses_20250919"}]},\
                "messages":[{"role":"user","content":"q"},\
                {"role":"assistant","content":[{"type":"thinking","thinking":"plan"},\
                {"type":"tool_use","id":"call_abc","name":"Read","input":{"file_path":"/a"}}]},\
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_abc","content":"class A {}"}]}]}""";

        JsonNode out = rewriteJson(body, CLAUDE);

        assertThat(out.has("thinking")).isFalse();
        assertThat(out.path("context_management").path("edits")).hasSize(1);
        assertThat(out.path("context_management").path("edits").get(0).path("type").asText())
                .isEqualTo("clear_tool_uses_20250919");
        assertThat(out.path("messages").get(1).path("content").get(0).path("type").asText()).isEqualTo("tool_use");
    }

    @Test
    void dropsContextManagementWhenOnlyThinkingEditsWereInIt() {
        String body = """
                {"model":"m","max_tokens":32000,"thinking":{"type":"adaptive"},\
                "context_management":{"edits":[{"type":"clear_thinking_20251015","keep":"all"}]},\
                "messages":[{"role":"user","content":"q"},\
                {"role":"assistant","content":[{"type":"tool_use","id":"call_1","name":"Bash","input":{}}]},\
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"ok"}]}]}""";

        JsonNode out = rewriteJson(body, CLAUDE);

        assertThat(out.has("thinking")).isFalse();
        assertThat(out.has("context_management")).isFalse();
    }

    @Test
    void keepsThinkingOnWhenTheLastMessageStartsANewTurn() {
        String body = """
                {"model":"m","max_tokens":32000,"thinking":{"type":"adaptive"},"messages":[{"role":"user","content":"q"},\
                {"role":"assistant","content":[{"type":"text","text":"A"}]},{"role":"user","content":"next"}]}""";

        assertThat(rewriteJson(body, CLAUDE).path("thinking").path("type").asText()).isEqualTo("adaptive");
    }

    @Test
    void lowersAThinkingBudgetTheClampedMaxTokensNoLongerExceeds() {
        JsonNode out = rewriteJson("""
                {"model":"m","max_tokens":32000,"thinking":{"type":"enabled","budget_tokens":31999},"messages":[]}""",
                SMALL);

        assertThat(out.path("max_tokens").asInt()).isEqualTo(8192);
        assertThat(out.path("thinking").path("budget_tokens").asInt()).isEqualTo(8191);
    }

    @Test
    void stripsCacheControlOnlyWhereBlocksCarryIt() {
        String body = """
                {"model":"m","max_tokens":100,\
                "system":[{"type":"text","text":"s","cache_control":{"type":"ephemeral"}}],\
                "tools":[{"name":"Cfg","input_schema":{"type":"object","properties":{"cache_control":{"type":"string"}}},\
                "cache_control":{"type":"ephemeral","ttl":"1h"}}],\
                "messages":[{"role":"user","content":[{"type":"text","text":"q","cache_control":{"type":"ephemeral"}}]},\
                {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"Cfg","input":{}}]},\
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","cache_control":{"type":"ephemeral"},\
                "content":[{"type":"text","text":"r","cache_control":{"type":"ephemeral"}}]}]}]}""";

        String out = rewrite(body, SMALL);

        assertThat(out).doesNotContain("ephemeral");
        assertThat(Json.parseOrNull(out).path("tools").get(0).path("input_schema").path("properties")
                .has("cache_control")).isTrue();
        assertThat(rewrite(body, CLAUDE)).contains("ephemeral");
    }

    @Test
    void mapsIllegalToolIdsTheSameWayOnCallAndResult() {
        String body = """
                {"model":"m","max_tokens":100,"messages":[{"role":"user","content":"q"},\
                {"role":"assistant","content":[{"type":"tool_use","id":"functions.Read:0","name":"Read","input":{}}]},\
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"functions.Read:0","content":"ok"}]}]}""";

        JsonNode messages = rewriteJson(body, CLAUDE).path("messages");

        String id = messages.get(1).path("content").get(0).path("id").asText();
        assertThat(id).matches("[A-Za-z0-9_-]+");
        assertThat(messages.get(2).path("content").get(0).path("tool_use_id").asText()).isEqualTo(id);
    }

    @Test
    void rewritesACountTokensBodyWhichHasNoMaxTokens() {
        JsonNode out = rewriteJson("{\"model\":\"claude-sonnet-4-6\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}",
                SMALL);

        assertThat(out.path("model").asText()).isEqualTo("glm-4.6");
        assertThat(out.has("max_tokens")).isFalse();
    }

    @Test
    void fallsBackToTheWholeTreeForDuplicateKeys() {
        JsonNode out = rewriteJson("{\"model\":\"a\",\"model\":\"b\",\"max_tokens\":50000,\"messages\":[]}", SMALL);

        assertThat(out.path("model").asText()).isEqualTo("glm-4.6");
        assertThat(out.path("max_tokens").asInt()).isEqualTo(8192);
    }

    @Test
    void shapesARequestMeantForSonnetForAnOpusThatOnlyThinksAdaptively() {
        // The sonnet tier mapped to an Opus that refuses budgets and sampling parameters.
        ResolvedModel opus = model("claude-opus-4-7", null);

        JsonNode out = rewriteJson("""
                {"model":"claude-sonnet-4-6","max_tokens":32000,"temperature":1,"top_k":40,\
                "thinking":{"type":"enabled","budget_tokens":31999},"messages":[{"role":"user","content":"q"}]}""",
                opus);

        assertThat(out.path("model").asText()).isEqualTo("claude-opus-4-7");
        assertThat(out.has("temperature")).isFalse();
        assertThat(out.has("top_k")).isFalse();
        assertThat(out.path("thinking").path("type").asText()).isEqualTo("adaptive");
        assertThat(out.path("thinking").has("budget_tokens")).isFalse();
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertThatThrownBy(() -> rewrite("[1,2]", CLAUDE)).isInstanceOf(InvalidRequestException.class);
    }
}
