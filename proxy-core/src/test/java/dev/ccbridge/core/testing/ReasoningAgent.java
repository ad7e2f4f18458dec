package dev.ccbridge.core.testing;

import static dev.ccbridge.core.testing.AgentFrames.anthropicEnd;
import static dev.ccbridge.core.testing.AgentFrames.chatDelta;
import static dev.ccbridge.core.testing.AgentFrames.chatEnd;
import static dev.ccbridge.core.testing.AgentFrames.chatFinish;
import static dev.ccbridge.core.testing.AgentFrames.event;
import static dev.ccbridge.core.testing.AgentFrames.lastNonSystem;
import static dev.ccbridge.core.testing.AgentFrames.responsesCompleted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.testing.FakeProvider.Reply;
import dev.ccbridge.core.upstream.bedrock.BedrockFake;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted model that thinks before it calls a tool, speaking each upstream protocol, and that
 * holds its next request to its provider's rule for reasoning it produced (answering 400 as the
 * provider does when the rule is broken):
 * <ul>
 *   <li>Chat (DeepSeek's thinking mode): an assistant message with {@code tool_calls} carries its
 *       {@code reasoning_content} back, exactly;</li>
 *   <li>Responses with {@code store:false}: encrypted reasoning is only returned when
 *       {@code include} asks for it, and the reasoning item comes back before its function call;</li>
 *   <li>Anthropic (a gateway signing thinking): the turn that called the tool starts with its
 *       thinking block, signature unchanged;</li>
 *   <li>Bedrock Converse: the same, as {@code reasoningContent} (see {@link #converse}).</li>
 * </ul>
 * Given a request that mentions its task with tools on offer, it reasons and calls its tool; given
 * the tool's result, it reports it ("The tool said: ..."); anything else gets "OK".
 */
public final class ReasoningAgent {
    /** For an SDK client: asked about the weather, it calls {@code get_weather}. */
    public static final ReasoningAgent WEATHER = new ReasoningAgent("weather", "get_weather", "{\"city\":\"Paris\"}");
    /** For Claude Code: asked to run the marker command, it calls Bash with {@link FakeAgent#MARKER_COMMAND}. */
    public static final ReasoningAgent MARKER = new ReasoningAgent("marker command", "Bash",
            Json.write(Json.object().put("command", FakeAgent.MARKER_COMMAND).put("description", "Print the marker")));

    public static final String CALL_ID = "call_task_1";
    public static final String REASONING = "The user asked for something my tool does; call it.";
    public static final String ENCRYPTED = "gAAAAB-encrypted-task-reasoning";
    public static final String SIGNATURE = "EsgDCkYIBxgCKkTaskSignature0001";

    private final String trigger;
    private final String tool;
    private final String arguments;

    private ReasoningAgent(String trigger, String tool, String arguments) {
        this.trigger = trigger;
        this.tool = tool;
        this.arguments = arguments;
    }

    public String tool() {
        return tool;
    }

    public String arguments() {
        return arguments;
    }

    private boolean asksForTheTask(JsonNode body, JsonNode last) {
        return body.path("tools").size() > 0 && last.toString().contains(trigger);
    }

    public static String answerTo(String toolResult) {
        return "The tool said: " + toolResult.strip();
    }

    // ---- Chat Completions -------------------------------------------------------------------

    public Reply chat(JsonNode body) {
        JsonNode messages = body.path("messages");
        JsonNode last = lastNonSystem(messages);
        for (JsonNode message : messages) {
            if (message.has("tool_calls") && !REASONING.equals(message.path("reasoning_content").asText())) {
                return Reply.json(400, """
                        {"error":{"message":"The `reasoning_content` in the thinking mode must be passed back to the API.",\
                        "type":"invalid_request_error","param":null,"code":"invalid_request_error"}}""");
            }
        }
        List<String> chunks = new ArrayList<>();
        if ("tool".equals(last.path("role").asText())) {
            chunks.add(chatDelta(Json.object().put("role", "assistant").put("content", answerTo(last.path("content").asText()))));
            chunks.add(chatFinish("stop"));
        } else if (asksForTheTask(body, last)) {
            chunks.add(chatDelta(Json.object().put("role", "assistant").put("reasoning_content", REASONING.substring(0, 20))));
            chunks.add(chatDelta(Json.object().put("reasoning_content", REASONING.substring(20))));
            ObjectNode call = Json.object().put("index", 0).put("id", CALL_ID).put("type", "function");
            call.putObject("function").put("name", tool).put("arguments", arguments);
            ObjectNode delta = Json.object();
            delta.putArray("tool_calls").add(call);
            chunks.add(chatDelta(delta));
            chunks.add(chatFinish("tool_calls"));
        } else {
            chunks.add(chatDelta(Json.object().put("role", "assistant").put("content", "OK")));
            chunks.add(chatFinish("stop"));
        }
        chunks.addAll(chatEnd());
        return Reply.stream(chunks);
    }

    // ---- Responses --------------------------------------------------------------------------

    public Reply responses(JsonNode body) {
        JsonNode input = body.path("input");
        JsonNode last = input.isEmpty() ? Json.object() : input.get(input.size() - 1);
        if (body.path("store").asBoolean(true)) {
            return Reply.json(400, """
                    {"error":{"message":"ccbridge's fake keeps nothing: send store:false","type":"invalid_request_error"}}""");
        }
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            boolean reasoned = "function_call".equals(item.path("type").asText()) && i > 0
                    && ENCRYPTED.equals(input.get(i - 1).path("encrypted_content").asText());
            if ("function_call".equals(item.path("type").asText()) && !reasoned) {
                return Reply.json(400, """
                        {"error":{"message":"Item 'fc_task_1' of type 'function_call' was provided without its \
                        required 'reasoning' item: 'rs_task_1'.","type":"invalid_request_error","param":"input"}}""");
            }
        }
        List<String> events = new ArrayList<>();
        if ("function_call_output".equals(last.path("type").asText())) {
            events.addAll(responsesText(answerTo(last.path("output").asText())));
        } else if (asksForTheTask(body, last.path("content"))) {
            boolean encrypted = body.path("include").toString().contains("reasoning.encrypted_content");
            ObjectNode reasoning = Json.object().put("id", "rs_task_1").put("type", "reasoning");
            reasoning.putArray("summary").addObject().put("type", "summary_text").put("text", REASONING);
            if (encrypted) {
                reasoning.put("encrypted_content", ENCRYPTED);
            }
            events.add(event(Json.object().put("type", "response.reasoning_summary_text.delta")
                    .put("item_id", "rs_task_1").put("output_index", 0).put("summary_index", 0).put("delta", REASONING)));
            events.add(event(Json.object().put("type", "response.output_item.done").put("output_index", 0)
                    .set("item", reasoning)));
            ObjectNode call = Json.object().put("id", "fc_task_1").put("type", "function_call").put("call_id", CALL_ID)
                    .put("name", tool).put("arguments", arguments);
            events.add(event(Json.object().put("type", "response.output_item.done").put("output_index", 1)
                    .set("item", call)));
        } else {
            events.addAll(responsesText("OK"));
        }
        events.add(responsesCompleted());
        return Reply.stream(events);
    }

    private static List<String> responsesText(String text) {
        return List.of(event(Json.object().put("type", "response.output_text.delta").put("item_id", "msg_1")
                .put("output_index", 0).put("content_index", 0).put("delta", text)));
    }

    // ---- Anthropic Messages -----------------------------------------------------------------

    public Reply anthropic(String path, JsonNode body) {
        if (path.endsWith("/count_tokens")) {
            return Reply.json(200, "{\"input_tokens\":" + (Json.write(body).length() / 4) + "}");
        }
        JsonNode messages = body.path("messages");
        JsonNode last = lastNonSystem(messages);
        JsonNode toolResult = null;
        for (JsonNode block : last.path("content")) {
            if ("tool_result".equals(block.path("type").asText())) {
                toolResult = block;
            }
        }
        if (toolResult != null && !openedWithOwnThinking(messages)) {
            return Reply.json(400, """
                    {"type":"error","error":{"type":"invalid_request_error",\
                    "message":"messages.1.content.0: Invalid `signature` in `thinking` block"}}""");
        }
        List<ObjectNode> blocks = new ArrayList<>();
        String stop;
        if (toolResult != null) {
            String result = toolResult.path("content").isTextual() ? toolResult.path("content").asText()
                    : toolResult.path("content").path(0).path("text").asText();
            blocks.add(Json.object().put("type", "text").put("text", answerTo(result)));
            stop = "end_turn";
        } else if (asksForTheTask(body, last)) {
            blocks.add(Json.object().put("type", "thinking").put("thinking", REASONING).put("signature", SIGNATURE));
            ObjectNode toolUse = Json.object().put("type", "tool_use").put("id", "toolu_task_1").put("name", tool);
            toolUse.set("input", Json.parseOrNull(arguments));
            blocks.add(toolUse);
            stop = "tool_use";
        } else {
            blocks.add(Json.object().put("type", "text").put("text", "OK"));
            stop = "end_turn";
        }
        ObjectNode message = Json.object().put("id", "msg_fake").put("type", "message").put("role", "assistant")
                .put("model", body.path("model").asText());
        if (!body.path("stream").asBoolean(false)) {
            message.putArray("content").addAll(blocks);
            message.put("stop_reason", stop).putNull("stop_sequence");
            message.putObject("usage").put("input_tokens", 1000).put("output_tokens", 20);
            return Reply.json(200, Json.write(message));
        }
        message.putArray("content");
        message.putObject("usage").put("input_tokens", 1000).put("output_tokens", 1);
        List<String> events = new ArrayList<>();
        events.add(event(Json.object().put("type", "message_start").set("message", message)));
        for (int index = 0; index < blocks.size(); index++) {
            events.addAll(anthropicBlock(index, blocks.get(index)));
        }
        events.addAll(anthropicEnd(stop));
        return Reply.stream(events);
    }

    /** Whether the assistant turn before the tool result starts with this model's own signed thinking. */
    private static boolean openedWithOwnThinking(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("assistant".equals(messages.get(i).path("role").asText())) {
                JsonNode first = messages.get(i).path("content").path(0);
                return "thinking".equals(first.path("type").asText())
                        && SIGNATURE.equals(first.path("signature").asText());
            }
        }
        return false;
    }

    /** A whole block as its stream events: an empty start, its content as deltas, the stop. */
    private static List<String> anthropicBlock(int index, ObjectNode block) {
        List<ObjectNode> deltas = new ArrayList<>();
        ObjectNode start = Json.object().put("type", block.path("type").asText());
        switch (block.path("type").asText()) {
            case "text" -> {
                start.put("text", "");
                deltas.add(Json.object().put("type", "text_delta").put("text", block.path("text").asText()));
            }
            case "thinking" -> {
                start.put("thinking", "");
                deltas.add(Json.object().put("type", "thinking_delta").put("thinking", block.path("thinking").asText()));
                deltas.add(Json.object().put("type", "signature_delta").put("signature", block.path("signature").asText()));
            }
            default -> {
                start.put("id", block.path("id").asText()).put("name", block.path("name").asText()).putObject("input");
                deltas.add(Json.object().put("type", "input_json_delta").put("partial_json", Json.write(block.path("input"))));
            }
        }
        List<String> events = new ArrayList<>();
        events.add(event(Json.object().put("type", "content_block_start").put("index", index).set("content_block", start)));
        for (ObjectNode delta : deltas) {
            events.add(event(Json.object().put("type", "content_block_delta").put("index", index).set("delta", delta)));
        }
        events.add(event(Json.object().put("type", "content_block_stop").put("index", index)));
        return events;
    }

    // ---- Bedrock Converse -------------------------------------------------------------------

    /**
     * The Converse form. A broken rule is answered as Bedrock does in a stream: a
     * {@code validationException} frame, before any content.
     */
    public List<BedrockFake.Frame> converse(JsonNode body) {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        String toolResult = null;
        for (JsonNode block : last.path("content")) {
            if (block.has("toolResult")) {
                toolResult = block.path("toolResult").path("content").path(0).path("text").asText();
            }
        }
        List<BedrockFake.Frame> events = new ArrayList<>();
        if (toolResult != null) {
            JsonNode assistant = messages.get(messages.size() - 2).path("content").path(0);
            if (!SIGNATURE.equals(assistant.path("reasoningContent").path("reasoningText").path("signature").asText())) {
                events.add(BedrockFake.Frame.exception("validationException",
                        "{\"message\":\"messages.1.content.0: Invalid `signature` in `thinking` block\"}"));
                return events;
            }
        }
        events.add(converse("messageStart", Json.object().put("role", "assistant")));
        String stop;
        if (toolResult != null) {
            events.add(converseText(0, answerTo(toolResult)));
            stop = "end_turn";
        } else if (body.path("toolConfig").path("tools").size() > 0 && last.toString().contains(trigger)) {
            ObjectNode thinking = Json.object().put("contentBlockIndex", 0);
            thinking.putObject("delta").putObject("reasoningContent").put("text", REASONING);
            events.add(converse("contentBlockDelta", thinking));
            ObjectNode signature = Json.object().put("contentBlockIndex", 0);
            signature.putObject("delta").putObject("reasoningContent").put("signature", SIGNATURE);
            events.add(converse("contentBlockDelta", signature));
            events.add(converse("contentBlockStop", Json.object().put("contentBlockIndex", 0)));
            ObjectNode start = Json.object().put("contentBlockIndex", 1);
            start.putObject("start").putObject("toolUse").put("toolUseId", "tooluse_task_1").put("name", tool);
            events.add(converse("contentBlockStart", start));
            ObjectNode input = Json.object().put("contentBlockIndex", 1);
            input.putObject("delta").putObject("toolUse").put("input", arguments);
            events.add(converse("contentBlockDelta", input));
            events.add(converse("contentBlockStop", Json.object().put("contentBlockIndex", 1)));
            stop = "tool_use";
        } else {
            events.add(converseText(0, "OK"));
            stop = "end_turn";
        }
        events.add(converse("messageStop", Json.object().put("stopReason", stop)));
        events.add(converse("metadata", AgentFrames.converseMetadata()));
        return events;
    }

    private static BedrockFake.Frame converseText(int index, String text) {
        return converse("contentBlockDelta", AgentFrames.converseText(index, text));
    }

    private static BedrockFake.Frame converse(String type, ObjectNode json) {
        return BedrockFake.Frame.event(type, Json.write(json));
    }
}
