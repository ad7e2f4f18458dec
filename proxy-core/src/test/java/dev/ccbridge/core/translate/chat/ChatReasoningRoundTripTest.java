package dev.ccbridge.core.translate.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.MessagesResponse;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import dev.ccbridge.core.testing.Golden;
import dev.ccbridge.core.testing.Models;
import dev.ccbridge.core.translate.common.ToolNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two turns of a Chat conversation as Claude Code has them: turn 1 is an upstream answer (reasoning
 * and a tool call) read through the real reader and translator; turn 2 replays that answer's blocks
 * as Claude Code does, with the tool's result. What the upstream then receives must hold its own
 * reasoning as it sent it, whatever the model is called, and nothing it did not send.
 */
class ChatReasoningRoundTripTest {
    private static final String TARGET = "local";
    private static final String REASONING = "The user wants the file listed. Run ls.";

    private static String chunk(JsonNode delta) {
        ObjectNode chunk = Json.object();
        chunk.putArray("choices").addObject().put("index", 0).set("delta", delta);
        return "data: " + Json.write(chunk) + "\n\n";
    }

    private static String finish() {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n";
    }

    private static ObjectNode toolCall(String id, String name) {
        ObjectNode call = Json.object().put("index", 0).put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", "{\"command\":\"ls\"}");
        return call;
    }

    private static ObjectNode withCalls(ObjectNode... calls) {
        ObjectNode delta = Json.object();
        ArrayNode array = delta.putArray("tool_calls");
        for (ObjectNode call : calls) {
            array.add(call);
        }
        return delta;
    }

    /** Reasoning in {@code field}, in two pieces, then a Bash call. */
    private static String reasoningThenCall(String field) {
        return chunk(Json.object().put("role", "assistant").put(field, "The user wants the file listed. "))
                + chunk(Json.object().put(field, "Run ls."))
                + chunk(withCalls(toolCall("call_ls_1", "Bash")))
                + finish();
    }

    /** Turn 1 through the translator for {@code model}: what Claude Code received. */
    private static MessagesResponse turnOne(String upstreamSse, ResolvedModel model) {
        return Golden.run(upstreamSse.getBytes(StandardCharsets.UTF_8),
                out -> new ChatStreamTranslator(out, ToolNames.of(List.of()), model), false).message();
    }

    /** Turn 2 as Claude Code sends it (the answer's blocks, then the results of its calls), translated for {@code model}. */
    private static JsonNode turnTwo(MessagesResponse answer, ResolvedModel model) throws Exception {
        ObjectNode request = (ObjectNode) Json.parseOrNull("""
                {"model":"claude-sonnet-4-6","max_tokens":32000,"thinking":{"type":"adaptive"},
                 "tools":[{"name":"Bash","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"list the files"}]}""");
        ArrayNode messages = (ArrayNode) request.path("messages");
        JsonNode content = Json.WIRE.valueToTree(answer).path("content");
        messages.addObject().put("role", "assistant").set("content", content);
        ArrayNode results = messages.addObject().put("role", "user").putArray("content");
        for (JsonNode block : content) {
            if ("tool_use".equals(block.path("type").asText())) {
                results.addObject().put("type", "tool_result").put("tool_use_id", block.path("id").asText())
                        .put("content", "a.txt");
            }
        }
        MessagesRequest parsed = Json.WIRE.treeToValue(request, MessagesRequest.class);
        return Json.WIRE.valueToTree(AnthropicToChat.translate(parsed, model, ToolNames.of(parsed.toolsOrEmpty())));
    }

    private static JsonNode assistant(JsonNode chat) {
        for (JsonNode message : chat.path("messages")) {
            if ("assistant".equals(message.path("role").asText())) {
                return message;
            }
        }
        throw new AssertionError("no assistant message in " + chat);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"qwen3-coder-next-fp8-local", "accounts/fireworks/models/deepseek-v4-pro",
            "deepseek/deepseek-v4-pro:nitro", "team-renamed-deployment"})
    void reasoningGoesBackToTheUpstreamThatWroteItWhateverTheModelIsCalled(String modelName) throws Exception {
        ResolvedModel model = Models.of(TARGET, modelName);
        MessagesResponse answer = turnOne(reasoningThenCall("reasoning_content"), model);
        assertThat(answer.content().getFirst()).isInstanceOfSatisfying(ThinkingBlock.class,
                thinking -> assertThat(thinking.thinking()).isEqualTo(REASONING));

        JsonNode assistant = assistant(turnTwo(answer, model));

        assertThat(assistant.path("reasoning_content").asText()).isEqualTo(REASONING);
        assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_ls_1");
        assertThat(assistant.toString()).doesNotContain("ccb1.");
    }

    @Test
    void reasoningThatCameAsReasoningGoesBackAsReasoning() throws Exception {
        ResolvedModel model = Models.of("groq", "openai/gpt-oss-120b");

        JsonNode assistant = assistant(turnTwo(turnOne(reasoningThenCall("reasoning"), model), model));

        assertThat(assistant.path("reasoning").asText()).isEqualTo(REASONING);
        assertThat(assistant.has("reasoning_content")).as("Groq refuses reasoning_content").isFalse();
    }

    @Test
    void reasoningStaysWithItsTargetAfterASwitch() throws Exception {
        MessagesResponse answer = turnOne(reasoningThenCall("reasoning_content"), Models.of(TARGET, "my-alias"));

        JsonNode elsewhere = assistant(turnTwo(answer, Models.of("another-target", "my-alias")));

        assertThat(elsewhere.has("reasoning_content")).isFalse();
        assertThat(elsewhere.has("reasoning")).isFalse();
    }

    @Test
    void aModelKnownToRefuseItsReasoningGetsNoneBack() throws Exception {
        ResolvedModel model = Models.of("groq", "deepseek-r1-distill-llama-70b");

        JsonNode assistant = assistant(turnTwo(turnOne(reasoningThenCall("reasoning"), model), model));

        assertThat(assistant.has("reasoning")).isFalse();
        assertThat(assistant.has("reasoning_content")).isFalse();
    }

    @Test
    void openRouterReasoningDetailsGoBackAsTheyCameTogether() throws Exception {
        ResolvedModel model = Models.of("openrouter", "anthropic/claude-sonnet-4.6");
        String sse = chunk(Json.parseOrNull("""
                {"role":"assistant","reasoning":"Run ","reasoning_details":[{"type":"reasoning.text","text":"Run ",
                 "format":"anthropic-claude-v1","index":0}]}"""))
                + chunk(Json.parseOrNull("""
                {"reasoning":"ls.","reasoning_details":[{"type":"reasoning.text","text":"ls.","index":0}]}"""))
                + chunk(Json.parseOrNull("""
                {"reasoning_details":[{"type":"reasoning.text","signature":"EqQBsig","index":0},
                 {"type":"reasoning.encrypted","data":"opaque==","format":"anthropic-claude-v1","index":1}]}"""))
                + chunk(withCalls(toolCall("toolu_or_1", "Bash")))
                + finish();

        MessagesResponse answer = turnOne(sse, model);
        assertThat(((ThinkingBlock) answer.content().getFirst()).thinking()).isEqualTo("Run ls.");
        JsonNode assistant = assistant(turnTwo(answer, model));

        assertThat(assistant.path("reasoning_details")).isEqualTo(Json.parseOrNull("""
                [{"type":"reasoning.text","text":"Run ls.","format":"anthropic-claude-v1","index":0,"signature":"EqQBsig"},
                 {"type":"reasoning.encrypted","data":"opaque==","format":"anthropic-claude-v1","index":1}]"""));
        assertThat(assistant.has("reasoning")).isFalse();
    }

    @Test
    void geminiThoughtSignaturesGoBackOnTheCallsThatCarriedThem() throws Exception {
        ResolvedModel model = Models.of("gemini", "gemini-3-flash-preview");
        ObjectNode first = toolCall("function-call-1", "Bash");
        first.putObject("extra_content").putObject("google").put("thought_signature", "CtgBAVSoXO8sig==");
        ObjectNode second = toolCall("function-call-2", "Bash").put("index", 1);
        String sse = chunk(withCalls(first, second)) + finish();

        MessagesResponse answer = turnOne(sse, model);
        JsonNode calls = assistant(turnTwo(answer, model)).path("tool_calls");

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).path("extra_content").path("google").path("thought_signature").asText())
                .isEqualTo("CtgBAVSoXO8sig==");
        assertThat(calls.get(1).has("extra_content")).as("only the first of parallel calls is signed").isFalse();
    }

    @Test
    void geminiGetsGooglesPlaceholderForCallsAnotherProviderMade() throws Exception {
        MessagesResponse answer = turnOne(reasoningThenCall("reasoning_content"), Models.of("deepseek", "deepseek-v4-pro"));

        JsonNode gemini = assistant(turnTwo(answer, Models.of("gemini", "gemini-3-pro-preview")));
        JsonNode olderGemini = assistant(turnTwo(answer, Models.of("gemini", "gemini-2.5-pro")));

        assertThat(gemini.path("tool_calls").get(0).path("extra_content").path("google").path("thought_signature")
                .asText()).isEqualTo(AnthropicToChat.THOUGHT_SIGNATURE_PLACEHOLDER);
        assertThat(olderGemini.path("tool_calls").get(0).has("extra_content")).isFalse();
        assertThat(gemini.has("reasoning_content")).isFalse();
    }

    @Test
    void aModelThatMustSeeReasoningGetsAnotherTargetsTextRatherThanNothing() throws Exception {
        MessagesResponse answer = turnOne(reasoningThenCall("reasoning"), Models.of("groq", "openai/gpt-oss-120b"));

        JsonNode deepseek = assistant(turnTwo(answer, Models.of("deepseek", "deepseek-v4-pro")));

        assertThat(deepseek.path("reasoning_content").asText()).isEqualTo(REASONING);
    }

    @Test
    void thinkingBlocksCarryNoStateWhenTheUpstreamSentNoReasoning() {
        String sse = chunk(withCalls(toolCall("call_1", "Bash"))) + finish();

        MessagesResponse answer = turnOne(sse, Models.of(TARGET, "plain-model"));

        List<String> types = new ArrayList<>();
        answer.content().forEach(block -> types.add(block.getClass().getSimpleName()));
        assertThat(types).containsExactly("ToolUseBlock");
    }
}
