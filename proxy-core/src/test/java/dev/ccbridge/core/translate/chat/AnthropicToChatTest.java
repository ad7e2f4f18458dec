package dev.ccbridge.core.translate.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.routing.ModelRouter;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.Fixtures;
import dev.ccbridge.core.translate.common.InvalidRequestException;
import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.translate.common.ToolResultContent;
import dev.ccbridge.core.translate.common.ToolTurns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicToChatTest {
    private static final ModelRouter ROUTER = new ModelRouter(ModelCatalog.builtIn());

    private static MessagesRequest request(String json) {
        try {
            return Json.WIRE.readValue(json, MessagesRequest.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ResolvedModel model(String upstream) {
        var target = Target.builder().id("t").name("T").provider("p").baseUrl("http://x").model(upstream)
                .apiMode(ApiMode.CHAT_COMPLETIONS).build();
        return ROUTER.resolve(target, "claude-sonnet-4-6");
    }

    /** The upstream body as JSON, exactly as it goes on the wire. */
    private static JsonNode translate(MessagesRequest request, String upstreamModel) {
        var chat = AnthropicToChat.translate(request, model(upstreamModel), ToolNames.of(request.toolsOrEmpty()));
        return Json.parseOrNull(Json.write(chat));
    }

    private static final MessagesRequest CLAUDE_CODE = request(Fixtures.text("requests/claude-code-2.1.json"));

    @Test
    void claudeCodesRealRequestBecomesAValidChatRequest() {
        JsonNode body = translate(CLAUDE_CODE, "gpt-5.1");

        assertThat(body.path("model").asText()).isEqualTo("gpt-5.1");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        // One leading system message: the system blocks and the <env> message from inside the history.
        JsonNode messages = body.path("messages");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText())
                .startsWith("You are Claude Code").contains("<env>\nWorking directory: /home/dev/project");
        assertThat(messages.findValues("role")).extracting(JsonNode::asText)
                .containsExactly("system", "user", "assistant", "tool", "tool", "user");
        // Anthropic-only fields are gone; nothing keeps cache_control.
        assertThat(body.has("metadata")).isFalse();
        assertThat(body.has("context_management")).isFalse();
        assertThat(body.has("thinking")).isFalse();
        assertThat(body.toString()).doesNotContain("cache_control").doesNotContain("$schema")
                .doesNotContain("defer_loading");
    }

    @Test
    void toolResultsFollowTheirCallsInCallOrderWithErrorsMarked() {
        JsonNode messages = translate(CLAUDE_CODE, "gpt-5.1").path("messages");
        JsonNode assistant = messages.get(2);
        assertThat(assistant.path("content").asText()).isEqualTo("I'll look at the files.");
        assertThat(assistant.path("tool_calls")).hasSize(2);
        assertThat(assistant.path("tool_calls").get(0).path("function").path("arguments").asText())
                .isEqualTo("{\"pattern\":\"**/*.java\"}");
        // Claude Code sent the Bash result first; Chat wants them in call order (Glob, then Bash).
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("src/Main.java\nsrc/MainTest.java");
        assertThat(messages.get(4).path("tool_call_id").asText()).isEqualTo("toolu_01B8");
        assertThat(messages.get(4).path("content").asText()).startsWith("[error] BUILD FAILURE");
        // The user's text of that turn comes after the tool messages.
        assertThat(messages.get(5).path("content").asText()).contains("Todo list is empty");
    }

    @Test
    void customToolsAreOfferedAndServerToolsLeftOut() {
        JsonNode tools = translate(CLAUDE_CODE, "gpt-5.1").path("tools");
        assertThat(tools.findValues("name")).extracting(JsonNode::asText)
                .hasSize(13).contains("Bash", "TodoWrite", "mcp__placeholder__deferred").doesNotContain("web_search");
        assertThat(tools.get(0).path("type").asText()).isEqualTo("function");
        assertThat(tools.get(1).path("function").path("parameters").path("required").get(0).asText())
                .isEqualTo("command");
    }

    @Test
    void reasoningModelsGetTheirTokenParameterEffortAndNoSampling() {
        JsonNode body = translate(CLAUDE_CODE, "gpt-5.1");
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(32000);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.path("reasoning_effort").asText()).isEqualTo("high");
        assertThat(body.has("temperature")).isFalse();
    }

    @Test
    void maxTokensIsClampedToTheModelsLimit() {
        JsonNode body = translate(CLAUDE_CODE, "deepseek-chat");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(8192);
        assertThat(body.path("temperature").asDouble()).isEqualTo(1.0);
        assertThat(body.has("reasoning_effort")).isFalse();
    }

    @Test
    void thinkingIsReplayedAsReasoningContentOnlyForModelsThatNeedIt() {
        assertThat(translate(CLAUDE_CODE, "deepseek-reasoner").path("messages").get(2).path("reasoning_content")
                .asText()).isEqualTo("I should list files first.");
        assertThat(translate(CLAUDE_CODE, "gpt-5.1").path("messages").get(2).has("reasoning_content")).isFalse();
    }

    @Test
    void anInterruptedToolCallGetsAResultSoTheUpstreamAcceptsTheHistory() {
        JsonNode messages = translate(request("""
                {"model":"m","max_tokens":100,"messages":[
                 {"role":"user","content":"go"},
                 {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"Bash","input":{"command":"sleep 99"}}]},
                 {"role":"user","content":"[Request interrupted by user]"}]}"""), "gpt-4o").path("messages");
        assertThat(messages.findValues("role")).extracting(JsonNode::asText)
                .containsExactly("user", "assistant", "tool", "user");
        assertThat(messages.get(1).path("content").isNull()).isTrue();
        assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("toolu_1");
        assertThat(messages.get(2).path("content").asText()).isEqualTo(ToolTurns.NO_RESULT);
    }

    @Test
    void aToolResultWithoutItsCallBecomesUserText() {
        JsonNode messages = translate(request("""
                {"model":"m","max_tokens":100,"messages":[
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_gone","content":"42"}]}]}"""),
                "gpt-4o").path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(0).path("content").asText()).contains("toolu_gone").contains("42");
    }

    @Test
    void imagesGoAsDataUrlsToVisionModelsAndAsNotesToOthers() {
        String json = """
                {"model":"m","max_tokens":100,"messages":[{"role":"user","content":[
                 {"type":"text","text":"What is this?"},
                 {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}]}""";
        JsonNode vision = translate(request(json), "gpt-4o").path("messages").get(0).path("content");
        assertThat(vision.get(1).path("image_url").path("url").asText()).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
        JsonNode text = translate(request(json), "deepseek-chat").path("messages").get(0).path("content");
        assertThat(text.isTextual()).isTrue();
        assertThat(text.asText()).contains("What is this?").contains("image (image/png) was left out");
    }

    @Test
    void imagesReturnedByAToolFollowAsAUserMessage() {
        JsonNode messages = translate(request("""
                {"model":"m","max_tokens":100,"messages":[
                 {"role":"user","content":"look"},
                 {"role":"assistant","content":[{"type":"tool_use","id":"toolu_s","name":"Screenshot","input":{}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_s","content":[
                   {"type":"text","text":"captured"},
                   {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/"}}]}]}]}"""),
                "gpt-4o").path("messages");
        assertThat(messages.findValues("role")).extracting(JsonNode::asText)
                .containsExactly("user", "assistant", "tool", "user");
        assertThat(messages.get(2).path("content").asText()).isEqualTo("captured");
        assertThat(messages.get(3).path("content").get(1).path("image_url").path("url").asText())
                .startsWith("data:image/jpeg;base64,");
    }

    @Test
    void pdfsGoAsFilePartsToModelsThatReadDocumentsAndAsNotesToOthers() {
        String json = """
                {"model":"m","max_tokens":100,"messages":[{"role":"user","content":[
                 {"type":"document","title":"Q3 report","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0x"}},
                 {"type":"text","text":"Summarise it."}]}]}""";

        JsonNode openai = translate(request(json), "gpt-4.1").path("messages").get(0).path("content");
        JsonNode deepseek = translate(request(json), "deepseek-chat").path("messages").get(0).path("content");

        assertThat(openai.get(0)).isEqualTo(Json.parseOrNull("""
                {"type":"file","file":{"filename":"Q3 report.pdf","file_data":"data:application/pdf;base64,JVBERi0x"}}"""));
        assertThat(openai.get(1).path("text").asText()).isEqualTo("Summarise it.");
        assertThat(deepseek.asText()).contains("[Q3 report (application/pdf) was left out").contains("Summarise it.");
    }

    @Test
    void pdfsReturnedByAToolFollowAsFiles() {
        JsonNode messages = translate(request("""
                {"model":"m","max_tokens":100,"messages":[
                 {"role":"user","content":"read the spec"},
                 {"role":"assistant","content":[{"type":"tool_use","id":"toolu_r","name":"Read","input":{"file_path":"/spec.pdf"}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_r","content":[
                   {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0y"}}]}]}]}"""),
                "gpt-5.5").path("messages");

        assertThat(messages.findValues("role")).extracting(JsonNode::asText)
                .containsExactly("user", "assistant", "tool", "user");
        assertThat(messages.get(2).path("content").asText()).isEqualTo(ToolResultContent.NO_OUTPUT);
        assertThat(messages.get(3).path("content").get(0).path("text").asText()).isEqualTo(ToolResultContent.FILES_LABEL);
        assertThat(messages.get(3).path("content").get(1).path("file").path("file_data").asText())
                .isEqualTo("data:application/pdf;base64,JVBERi0y");
    }

    @Test
    void toolChoiceMapsAndANamedToolThatIsNotOfferedIsAClientError() {
        String base = """
                {"model":"m","max_tokens":100,"messages":[{"role":"user","content":"x"}],
                 "tools":[{"name":"Bash","input_schema":{"type":"object"}},{"type":"web_search_20250305","name":"web_search"}],
                 "tool_choice":%s}""";
        assertThat(translate(request(base.formatted("{\"type\":\"any\"}")), "gpt-4o").path("tool_choice").asText())
                .isEqualTo("required");
        JsonNode named = translate(request(base.formatted("{\"type\":\"tool\",\"name\":\"Bash\",\"disable_parallel_tool_use\":true}")),
                "gpt-4o");
        assertThat(named.path("tool_choice").path("function").path("name").asText()).isEqualTo("Bash");
        assertThat(named.path("parallel_tool_calls").asBoolean(true)).isFalse();
        // A provider's own web search cannot be forced: the choice of it is left to the model.
        assertThat(translate(request(base.formatted("{\"type\":\"tool\",\"name\":\"web_search\"}")), "gpt-4o")
                .path("tool_choice").asText()).isEqualTo("auto");
        assertThatThrownBy(() -> translate(request(base.formatted("{\"type\":\"tool\",\"name\":\"Nope\"}")), "gpt-4o"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Nope");
    }

    @Test
    void mistralGetsNineCharacterIdsConsistentlyForCallsAndResults() {
        JsonNode messages = translate(CLAUDE_CODE, "mistral-large-latest").path("messages");
        String callId = messages.get(2).path("tool_calls").get(0).path("id").asText();
        assertThat(callId).matches("[A-Za-z0-9]{9}");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo(callId);
    }

    @Test
    void stopSequencesAreCappedAtFour() {
        JsonNode body = translate(request("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"x"}],
                 "stop_sequences":["a","b","c","d","e"]}"""), "gpt-4o");
        assertThat(body.path("stop")).hasSize(4);
    }

    @Test
    void geminiSchemasLoseTheKeywordsGeminiRejectsButKeepPropertiesNamedLikeThem() {
        JsonNode body = translate(request("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"x"}],
                 "tools":[{"name":"T","input_schema":{"$schema":"x","type":"object","additionalProperties":false,
                   "properties":{"default":{"type":"string","const":"a"},"n":{"type":"number","exclusiveMinimum":0}}}}]}"""),
                "gemini-2.5-pro");
        JsonNode parameters = body.path("tools").get(0).path("function").path("parameters");
        assertThat(parameters.has("additionalProperties")).isFalse();
        assertThat(parameters.path("properties").has("default")).isTrue();
        assertThat(parameters.path("properties").path("default").path("enum").get(0).asText()).isEqualTo("a");
        assertThat(parameters.path("properties").path("n").has("exclusiveMinimum")).isFalse();
    }
}
