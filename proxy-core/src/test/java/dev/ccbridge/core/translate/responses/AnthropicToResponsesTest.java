package dev.ccbridge.core.translate.responses;

import dev.ccbridge.core.testing.Models;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.MessagesResponse;
import dev.ccbridge.core.testing.Fixtures;
import dev.ccbridge.core.testing.Golden;
import dev.ccbridge.core.translate.common.CarriedSignature;
import dev.ccbridge.core.translate.common.InvalidRequestException;
import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.translate.common.ToolResultContent;
import dev.ccbridge.core.translate.common.ToolTurns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the Responses upstream receives for Claude Code's requests (checked as the JSON on the wire). */
class AnthropicToResponsesTest {
    private static final String REASONING_MODEL = "gpt-5-codex";

    private static ResolvedModel model(String upstream) {
        return Models.of("openai", upstream);
    }

    private static CarriedSignature.Origin origin(String upstream) {
        return CarriedReasoning.origin(model(upstream));
    }

    private static MessagesRequest request(String json) {
        try {
            return Json.WIRE.readValue(json, MessagesRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode wire(String requestJson) {
        return wire(request(requestJson), REASONING_MODEL);
    }

    private static JsonNode wire(MessagesRequest request, String upstream) {
        return wire(request, model(upstream));
    }

    private static JsonNode wire(MessagesRequest request, ResolvedModel model) {
        return Json.WIRE.valueToTree(AnthropicToResponses.translate(request, model, ToolNames.of(request.toolsOrEmpty())));
    }

    private static List<String> types(JsonNode input) {
        List<String> out = new ArrayList<>();
        input.forEach(item -> out.add(item.path("type").asText() + (item.has("role") ? ":" + item.path("role").asText() : "")));
        return out;
    }

    @Test
    void systemPromptAndSystemMessagesBecomeInstructionsAndNothingIsStoredUpstream() {
        JsonNode body = wire("""
                {"model":"claude-sonnet-4-6","max_tokens":32000,"stream":true,
                 "system":[{"type":"text","text":"You are Claude Code.","cache_control":{"type":"ephemeral"}}],
                 "metadata":{"user_id":"u"},"stop_sequences":["###"],"temperature":1,"top_p":0.9,"top_k":5,
                 "messages":[{"role":"user","content":"hi"},
                             {"role":"system","content":"<env>cwd: /work</env>"}]}
                """);

        assertThat(body.path("model").asText()).isEqualTo(REASONING_MODEL);
        assertThat(body.path("instructions").asText()).isEqualTo("You are Claude Code.\n\n<env>cwd: /work</env>");
        assertThat(types(body.path("input"))).containsExactly("message:user");
        assertThat(body.path("input").get(0).path("content").get(0).path("type").asText()).isEqualTo("input_text");
        assertThat(body.path("store").asBoolean(true)).isFalse();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("max_output_tokens").asInt()).isEqualTo(32000);
        // gpt-5 models reject sampling parameters; Responses has no stop, top_k or metadata.
        for (String absent : List.of("temperature", "top_p", "stop", "stop_sequences", "top_k", "metadata",
                "previous_response_id", "tools", "tool_choice", "parallel_tool_calls")) {
            assertThat(body.has(absent)).as(absent).isFalse();
        }
    }

    @Test
    void reasoningModelsGetEffortSummariesAndEncryptedReasoning() {
        JsonNode budget = wire("""
                {"model":"claude-sonnet-4-6","max_tokens":64000,"thinking":{"type":"enabled","budget_tokens":2048},
                 "messages":[{"role":"user","content":"hi"}]}
                """);
        JsonNode effort = wire("""
                {"model":"claude-sonnet-4-6","max_tokens":64000,"thinking":{"type":"adaptive"},
                 "output_config":{"effort":"high"},"messages":[{"role":"user","content":"hi"}]}
                """);

        assertThat(budget.path("reasoning").path("effort").asText()).isEqualTo("low");
        assertThat(budget.path("reasoning").path("summary").asText()).isEqualTo("auto");
        assertThat(budget.path("include")).containsExactly(Json.WIRE.getNodeFactory().textNode("reasoning.encrypted_content"));
        assertThat(effort.path("reasoning").path("effort").asText()).isEqualTo("high");
    }

    @Test
    void modelsWithoutReasoningGetNoReasoningParametersButKeepSampling() {
        JsonNode body = wire(request("""
                {"model":"claude-sonnet-4-6","max_tokens":100000,"temperature":0.2,"top_p":0.9,
                 "thinking":{"type":"enabled","budget_tokens":20000},"messages":[{"role":"user","content":"hi"}]}
                """), "gpt-4.1");

        assertThat(body.has("reasoning")).isFalse();
        assertThat(body.has("include")).isFalse();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("max_output_tokens").asInt()).isEqualTo(32768); // clamped to the model's limit
    }

    @Test
    void tinyTokenLimitsAreRaisedToTheApiMinimum() {
        JsonNode body = wire("""
                {"model":"claude-haiku-4-5","max_tokens":1,"messages":[{"role":"user","content":"quota"}]}
                """);

        assertThat(body.path("max_output_tokens").asInt()).isEqualTo(16);
    }

    @Test
    void toolsAreFlatNonStrictFunctionsAndWebSearchIsOpenAisOwn() {
        JsonNode body = wire("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,"tool_choice":{"type":"any","disable_parallel_tool_use":true},
                 "tools":[{"name":"Read","description":"Reads a file","cache_control":{"type":"ephemeral"},
                           "input_schema":{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                                           "properties":{"file_path":{"type":"string"}},"required":["file_path"],"additionalProperties":false}},
                          {"type":"web_search_20250305","name":"web_search","max_uses":5}],
                 "messages":[{"role":"user","content":"read it"}]}
                """);

        JsonNode tools = body.path("tools");
        assertThat(tools).hasSize(2);
        assertThat(tools.get(1)).isEqualTo(Json.parseOrNull("{\"type\":\"web_search\"}"));
        assertThat(body.path("max_tool_calls").asInt()).isEqualTo(5);
        assertThat(body.path("include").toString()).contains("web_search_call.action.sources");
        JsonNode read = tools.get(0);
        assertThat(read.path("type").asText()).isEqualTo("function");
        assertThat(read.path("name").asText()).isEqualTo("Read");
        assertThat(read.path("description").asText()).isEqualTo("Reads a file");
        assertThat(read.path("strict").isBoolean()).isTrue();
        assertThat(read.path("strict").asBoolean()).isFalse();
        assertThat(read.has("function")).isFalse();
        assertThat(read.has("cache_control")).isFalse();
        assertThat(read.path("parameters").has("$schema")).isFalse();
        assertThat(read.path("parameters").path("required").get(0).asText()).isEqualTo("file_path");
        assertThat(body.path("tool_choice").asText()).isEqualTo("required");
        assertThat(body.path("parallel_tool_calls").asBoolean(true)).isFalse();
    }

    @Test
    void aNamedToolChoiceIsAFlatFunctionChoice() {
        JsonNode body = wire("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,"tool_choice":{"type":"tool","name":"Read"},
                 "tools":[{"name":"Read","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"read it"}]}
                """);

        assertThat(body.path("tool_choice")).isEqualTo(Json.parseOrNull("{\"type\":\"function\",\"name\":\"Read\"}"));
        assertThat(body.path("parallel_tool_calls").asBoolean()).isTrue();
    }

    @Test
    void aToolChoiceOfWebSearchIsLeftToTheModelAndTheDomainsGoToTheSearch() {
        JsonNode body = wire(request("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,"tool_choice":{"type":"tool","name":"web_search"},
                 "tools":[{"name":"Read","input_schema":{"type":"object"}},
                          {"type":"web_search_20250305","name":"web_search","allowed_domains":["docs.example.com"],
                           "user_location":{"type":"approximate","city":"Berlin","country":"DE"}}],
                 "messages":[{"role":"user","content":"search"}]}
                """), REASONING_MODEL);

        assertThat(body.path("tool_choice").asText()).isEqualTo("auto");
        JsonNode search = body.path("tools").get(1);
        assertThat(search.path("filters").path("allowed_domains").get(0).asText()).isEqualTo("docs.example.com");
        assertThat(search.path("user_location").path("city").asText()).isEqualTo("Berlin");
        assertThat(search.has("strict")).isFalse();
        assertThat(body.has("max_tool_calls")).isFalse();
    }

    @Test
    void aToolChoiceNamingNoOfferedToolIsRejected() {
        MessagesRequest request = request("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,"tool_choice":{"type":"tool","name":"Grep"},
                 "tools":[{"name":"Read","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"search"}]}
                """);

        assertThatThrownBy(() -> wire(request, REASONING_MODEL)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Grep");
    }

    @Test
    void toolUseAndResultsBecomeCallsAndOutputsInCallOrder() {
        JsonNode input = wire("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,"tools":[{"name":"Read","input_schema":{"type":"object"}}],
                 "messages":[
                  {"role":"user","content":"read both"},
                  {"role":"assistant","content":[{"type":"text","text":"Reading both."},
                     {"type":"tool_use","id":"toolu_01A","name":"Read","input":{"file_path":"/a"}},
                     {"type":"tool_use","id":"toolu_01B","name":"Read","input":{"file_path":"/b"}}]},
                  {"role":"user","content":[
                     {"type":"tool_result","tool_use_id":"toolu_01B","content":[{"type":"text","text":"B body"}]},
                     {"type":"tool_result","tool_use_id":"toolu_01A","content":"no such file","is_error":true},
                     {"type":"text","text":"thanks"}]}]}
                """).path("input");

        assertThat(types(input)).containsExactly("message:user", "message:assistant", "function_call",
                "function_call", "function_call_output", "function_call_output", "message:user");
        assertThat(input.get(1).path("content").get(0)).isEqualTo(
                Json.parseOrNull("{\"type\":\"output_text\",\"text\":\"Reading both.\"}"));
        assertThat(input.get(2)).isEqualTo(Json.parseOrNull(
                "{\"type\":\"function_call\",\"call_id\":\"toolu_01A\",\"name\":\"Read\",\"arguments\":\"{\\\"file_path\\\":\\\"/a\\\"}\"}"));
        assertThat(input.get(4)).isEqualTo(Json.parseOrNull(
                "{\"type\":\"function_call_output\",\"call_id\":\"toolu_01A\",\"output\":\"[error] no such file\"}"));
        assertThat(input.get(5).path("output").asText()).isEqualTo("B body");
        assertThat(input.get(6).path("content").get(0).path("text").asText()).isEqualTo("thanks");
    }

    @Test
    void anInterruptedCallGetsAnOutputAndAStrayResultBecomesText() {
        JsonNode input = wire("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,
                 "messages":[
                  {"role":"user","content":"go"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_01A","name":"Bash","input":{"command":"sleep 100"}}]},
                  {"role":"user","content":[{"type":"text","text":"[Request interrupted by user]"}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_gone","content":"late output"}]}]}
                """).path("input");

        assertThat(types(input)).containsExactly("message:user", "function_call", "function_call_output",
                "message:user", "message:user");
        assertThat(input.get(2).path("call_id").asText()).isEqualTo("toolu_01A");
        assertThat(input.get(2).path("output").asText()).isEqualTo(ToolTurns.NO_RESULT);
        assertThat(input.get(4).path("content").get(0).path("text").asText())
                .isEqualTo("[result of tool call toolu_gone]\nlate output");
    }

    @Test
    void longIdsAndToolNamesAreShortenedTheSameWayInCallsOutputsAndTools() {
        String longId = "toolu_" + "x".repeat(80);
        String longName = "mcp__workspace_filesystem_server__read_multiple_files_with_line_numbers_and_metadata";
        JsonNode body = wire("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,"tools":[{"name":"%2$s","input_schema":{"type":"object"}}],
                 "messages":[
                  {"role":"user","content":"go"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"%1$s","name":"%2$s","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"%1$s","content":"ok"}]}]}
                """.formatted(longId, longName));

        JsonNode call = body.path("input").get(1);
        JsonNode output = body.path("input").get(2);
        assertThat(call.path("call_id").asText()).hasSizeLessThanOrEqualTo(64).isEqualTo(output.path("call_id").asText());
        assertThat(output.path("output").asText()).isEqualTo("ok");
        assertThat(call.path("name").asText()).hasSizeLessThanOrEqualTo(64)
                .isEqualTo(body.path("tools").get(0).path("name").asText());
    }

    @Test
    void imagesBecomeInputImagesAndToolImagesFollowTheOutputs() {
        JsonNode input = wire("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,
                 "messages":[
                  {"role":"user","content":[{"type":"text","text":"what is this?"},
                     {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_01S","name":"Screenshot","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01S","content":[
                     {"type":"text","text":"captured"},
                     {"type":"image","source":{"type":"url","url":"https://example.com/shot.png"}}]}]}]}
                """).path("input");

        assertThat(input.get(0).path("content").get(1)).isEqualTo(Json.parseOrNull(
                "{\"type\":\"input_image\",\"image_url\":\"data:image/png;base64,iVBORw0KGgo=\",\"detail\":\"auto\"}"));
        assertThat(types(input)).containsExactly("message:user", "function_call", "function_call_output", "message:user");
        assertThat(input.get(2).path("output").asText()).isEqualTo("captured");
        JsonNode toolImages = input.get(3).path("content");
        assertThat(toolImages.get(0).path("text").asText()).isEqualTo(ToolResultContent.IMAGES_LABEL);
        assertThat(toolImages.get(1).path("image_url").asText()).isEqualTo("https://example.com/shot.png");
    }

    @Test
    void modelsWithoutVisionGetAPlaceholderInsteadOfTheImage() {
        MessagesRequest request = request("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,"messages":[{"role":"user","content":[
                  {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}]}
                """);

        JsonNode part = wire(request, "deepseek-chat").path("input").get(0).path("content").get(0);
        assertThat(part.path("type").asText()).isEqualTo("input_text");
        assertThat(part.path("text").asText()).contains("image/png").contains("left out");
    }

    /**
     * Turn 1: the upstream reasons (encrypted) and calls a tool; Claude Code receives a thinking
     * block whose signature carries the reasoning item. Turn 2: Claude Code replays that block with
     * the tool result; the upstream must get the same reasoning item back, before the call, and be
     * asked for encrypted reasoning again, whatever the model is called.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {REASONING_MODEL, "team-azure-deployment", "openai/gpt-5.5:nitro"})
    void reasoningFromTurnOneIsReplayedOnTurnTwoBeforeItsCall(String modelName) {
        JsonNode body = wire(request(turnTwo(turnOne(model(modelName)))), modelName);
        JsonNode input = body.path("input");

        assertThat(types(input)).containsExactly("message:user", "reasoning", "function_call", "function_call_output");
        assertThat(input.get(1)).isEqualTo(Json.parseOrNull("""
                {"type":"reasoning","id":"rs_68a1f40be6f78190bdfcebdac9b8a7f6","summary":[],
                 "encrypted_content":"gAAAAABooUALno_summary_c3RhdGU"}"""));
        assertThat(input.get(2).path("call_id").asText()).isEqualTo("call_Kf5mRs1BtV4oYz9aNd7pXf3u")
                .isEqualTo(input.get(3).path("call_id").asText());
        assertThat(input.get(2).path("name").asText()).isEqualTo("Bash");
        assertThat(body.path("store").asBoolean(true)).isFalse();
        assertThat(body.path("include")).containsExactly(Json.WIRE.getNodeFactory().textNode("reasoning.encrypted_content"));
    }

    @Test
    void reasoningStaysWithTheTargetThatWroteIt() {
        String history = turnTwo(turnOne(Models.of("openai", "team-azure-deployment")));

        JsonNode input = wire(request(history), Models.of("azure-eu", "team-azure-deployment")).path("input");

        assertThat(types(input)).containsExactly("message:user", "function_call", "function_call_output");
    }

    private static MessagesResponse turnOne(ResolvedModel model) {
        return Golden.run(Fixtures.bytes("golden/codex_responses/reasoning_without_summary/upstream.sse"),
                out -> new ResponsesStreamTranslator(out, ToolNames.of(List.of()), model), false).message();
    }

    /** The next request as Claude Code sends it: the answer's blocks as received, then the tool's result. */
    private static String turnTwo(MessagesResponse answer) {
        ObjectNode turnTwo = (ObjectNode) Json.parseOrNull("""
                {"model":"claude-sonnet-4-6","max_tokens":32000,"thinking":{"type":"adaptive"},
                 "tools":[{"name":"Bash","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"list the files"}]}
                """);
        ArrayNode messages = (ArrayNode) turnTwo.path("messages");
        messages.addObject().put("role", "assistant").set("content", Json.WIRE.valueToTree(answer).path("content"));
        messages.addObject().put("role", "user").putArray("content").addObject().put("type", "tool_result")
                .put("tool_use_id", "call_Kf5mRs1BtV4oYz9aNd7pXf3u").put("content", "a.txt\nb.txt");
        return turnTwo.toString();
    }

    @Test
    void pdfsGoAsInputFilesInlineOrByUrlToModelsThatReadDocuments() {
        String json = """
                {"model":"claude-sonnet-4-6","max_tokens":1000,"messages":[{"role":"user","content":[
                 {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0x"}},
                 {"type":"document","title":"paper.pdf","source":{"type":"url","url":"https://example.org/paper.pdf"}},
                 {"type":"text","text":"Compare them."}]}]}""";

        JsonNode content = wire(request(json), "gpt-5.5").path("input").get(0).path("content");
        JsonNode unknown = wire(request(json), "team-azure-deployment").path("input").get(0).path("content");

        assertThat(content.get(0)).isEqualTo(Json.parseOrNull("""
                {"type":"input_file","filename":"document.pdf","file_data":"data:application/pdf;base64,JVBERi0x"}"""));
        assertThat(content.get(1)).isEqualTo(Json.parseOrNull("""
                {"type":"input_file","filename":"paper.pdf","file_url":"https://example.org/paper.pdf"}"""));
        assertThat(unknown.get(0).path("type").asText()).isEqualTo("input_text");
        assertThat(unknown.get(0).path("text").asText()).contains("was left out");
    }

    @Test
    void aModelTheCatalogDoesNotKnowIsAskedForReasoningAndOneKnownWithoutIsNot() {
        String json = """
                {"model":"claude-sonnet-4-6","max_tokens":1000,"messages":[{"role":"user","content":"hi"}]}""";

        JsonNode unknown = wire(request(json), "team-azure-deployment");
        JsonNode plain = wire(request(json), "gpt-4.1-mini");

        assertThat(unknown.path("reasoning").path("summary").asText()).isEqualTo("auto");
        assertThat(unknown.path("include")).hasSize(1);
        assertThat(plain.has("reasoning")).isFalse();
        assertThat(plain.has("include")).isFalse();
    }

    @Test
    void replayedReasoningKeepsItsSummaryAndComesBeforeTheTextItPreceded() {
        String signature = CarriedReasoning.signature(origin(REASONING_MODEL), "rs_1", "enc-1");
        JsonNode input = wire("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,"messages":[
                  {"role":"user","content":"hi"},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"Greet back.","signature":"%s"},
                                                 {"type":"text","text":"Hello!"}]},
                  {"role":"user","content":"bye"}]}
                """.formatted(signature)).path("input");

        assertThat(types(input)).containsExactly("message:user", "reasoning", "message:assistant", "message:user");
        assertThat(input.get(1).path("summary")).isEqualTo(
                Json.parseOrNull("[{\"type\":\"summary_text\",\"text\":\"Greet back.\"}]"));
    }

    @Test
    void reasoningThatNothingFollowedIsNotReplayed() {
        String signature = CarriedReasoning.signature(origin(REASONING_MODEL), "rs_cut", "enc-cut");
        JsonNode input = wire("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,"messages":[
                  {"role":"user","content":"think hard"},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"Hmm","signature":"%s"}]},
                  {"role":"user","content":"continue"}]}
                """.formatted(signature)).path("input");

        assertThat(types(input)).containsExactly("message:user", "message:user");
    }

    @Test
    void thinkingTheUpstreamCannotVerifyIsDropped() {
        String otherMode = CarriedSignature.encode(new CarriedSignature.Origin("chat_completions", "openai", REASONING_MODEL),
                Json.parseOrNull("{\"id\":\"rs_x\",\"encrypted_content\":\"enc\"}"));
        String otherModel = CarriedReasoning.signature(origin("gpt-5-mini"), "rs_y", "enc-mini");
        JsonNode input = wire("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,"messages":[
                  {"role":"user","content":"hi"},
                  {"role":"assistant","content":[
                     {"type":"thinking","thinking":"Anthropic's own reasoning","signature":"EqQBCkgIARABGAIiQL2x"},
                     {"type":"thinking","thinking":"DeepSeek reasoning, unsigned"},
                     {"type":"thinking","thinking":"another mode","signature":"%s"},
                     {"type":"thinking","thinking":"another model","signature":"%s"},
                     {"type":"redacted_thinking","data":"EmwKAhgBEgy3va"},
                     {"type":"text","text":"Hello!"}]},
                  {"role":"user","content":"bye"}]}
                """.formatted(otherMode, otherModel)).path("input");

        assertThat(types(input)).containsExactly("message:user", "message:assistant", "message:user");
        assertThat(input.toString()).doesNotContain("reasoning").doesNotContain("Anthropic's own")
                .doesNotContain("enc-mini");
    }
}
