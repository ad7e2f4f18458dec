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
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny scripted agent, speaking each upstream protocol, for driving the real Claude Code CLI:
 * asked to run "the marker command" with tools on offer, it thinks (where the protocol carries
 * reasoning) and calls Bash; given the tool's result, it reports it; anything else gets "OK".
 */
public final class FakeAgent {
    public static final String MARKER_COMMAND = "echo ccbridge-tool-ok";
    public static final String CALL_ID = "call_marker_1";
    public static final String ENCRYPTED_REASONING = "gAAAAB-fake-encrypted-reasoning";
    public static final String SIGNATURE = "EqQBCkYIBxgCKkB-fake-anthropic-signature";

    private FakeAgent() {}

    private static String arguments() {
        return Json.write(Json.object().put("command", MARKER_COMMAND).put("description", "Print the marker"));
    }

    private static boolean wantsTool(JsonNode body, JsonNode lastUserTurn) {
        return body.path("tools").size() > 0 && lastUserTurn.toString().contains("marker command");
    }

    // ---- Chat Completions -------------------------------------------------------------------

    public static List<String> chat(JsonNode body) {
        JsonNode last = lastNonSystem(body.path("messages"));
        List<String> chunks = new ArrayList<>();
        if ("tool".equals(last.path("role").asText())) {
            chunks.add(chatDelta(Json.object().put("role", "assistant").put("content", "The tool said: ")));
            chunks.add(chatDelta(Json.object().put("content", last.path("content").asText().strip())));
            chunks.add(chatFinish("stop"));
        } else if (wantsTool(body, last)) {
            String arguments = arguments();
            chunks.add(chatDelta(Json.object().put("role", "assistant").put("content", "Running it.")));
            chunks.add(chatDelta(chatToolCall(true, arguments.substring(0, 12))));
            chunks.add(chatDelta(chatToolCall(false, arguments.substring(12))));
            chunks.add(chatFinish("tool_calls"));
        } else {
            chunks.add(chatDelta(Json.object().put("role", "assistant").put("content", "OK")));
            chunks.add(chatFinish("stop"));
        }
        chunks.addAll(chatEnd());
        return chunks;
    }

    private static ObjectNode chatToolCall(boolean first, String arguments) {
        ObjectNode call = Json.object().put("index", 0);
        ObjectNode function = call.putObject("function").put("arguments", arguments);
        if (first) {
            call.put("id", CALL_ID).put("type", "function");
            function.put("name", "Bash");
        }
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").add(call);
        return delta;
    }

    // ---- Responses --------------------------------------------------------------------------

    public static List<String> responses(JsonNode body) {
        JsonNode input = body.path("input");
        JsonNode last = input.get(input.size() - 1);
        List<String> events = new ArrayList<>();
        events.add(event(Json.object().put("type", "response.created").set("response",
                Json.object().put("id", "resp_1").put("status", "in_progress"))));
        if ("function_call_output".equals(last.path("type").asText())) {
            events.addAll(responsesText(0, "The tool said: " + last.path("output").asText().strip()));
            events.add(responsesCompleted());
        } else if (wantsTool(body, last)) {
            ObjectNode reasoning = Json.object().put("id", "rs_1").put("type", "reasoning")
                    .put("encrypted_content", ENCRYPTED_REASONING);
            reasoning.putArray("summary").addObject().put("type", "summary_text").put("text", "Run the marker.");
            ObjectNode opening = Json.object().put("id", "rs_1").put("type", "reasoning");
            opening.putArray("summary");
            events.add(event(Json.object().put("type", "response.output_item.added").put("output_index", 0)
                    .set("item", opening)));
            events.add(event(Json.object().put("type", "response.reasoning_summary_text.delta").put("item_id", "rs_1")
                    .put("output_index", 0).put("summary_index", 0).put("delta", "Run the marker.")));
            events.add(event(Json.object().put("type", "response.output_item.done").put("output_index", 0)
                    .set("item", reasoning)));
            ObjectNode call = Json.object().put("id", "fc_1").put("type", "function_call").put("call_id", CALL_ID)
                    .put("name", "Bash").put("arguments", "");
            events.add(event(Json.object().put("type", "response.output_item.added").put("output_index", 1)
                    .set("item", call)));
            String arguments = arguments();
            events.add(event(Json.object().put("type", "response.function_call_arguments.delta").put("item_id", "fc_1")
                    .put("output_index", 1).put("delta", arguments.substring(0, 12))));
            events.add(event(Json.object().put("type", "response.function_call_arguments.delta").put("item_id", "fc_1")
                    .put("output_index", 1).put("delta", arguments.substring(12))));
            events.add(event(Json.object().put("type", "response.output_item.done").put("output_index", 1)
                    .set("item", call.deepCopy().put("arguments", arguments))));
            events.add(responsesCompleted());
        } else {
            events.addAll(responsesText(0, "OK"));
            events.add(responsesCompleted());
        }
        return events;
    }

    private static List<String> responsesText(int index, String text) {
        ObjectNode message = Json.object().put("id", "msg_" + index).put("type", "message").put("role", "assistant");
        message.putArray("content");
        return List.of(
                event(Json.object().put("type", "response.output_item.added").put("output_index", index)
                        .set("item", message)),
                event(Json.object().put("type", "response.output_text.delta").put("item_id", "msg_" + index)
                        .put("output_index", index).put("content_index", 0).put("delta", text)),
                event(Json.object().put("type", "response.output_item.done").put("output_index", index)
                        .set("item", message)));
    }

    // ---- Bedrock Converse -------------------------------------------------------------------

    /** One ConverseStream event: its type and JSON payload (the fake endpoint frames it). */
    public record ConverseEvent(String type, String json) {}

    public static List<ConverseEvent> converse(JsonNode body) {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        JsonNode toolResult = null;
        for (JsonNode block : last.path("content")) {
            if (block.has("toolResult")) {
                toolResult = block.path("toolResult");
            }
        }
        List<ConverseEvent> events = new ArrayList<>();
        events.add(converseEvent("messageStart", Json.object().put("role", "assistant")));
        String stop;
        if (toolResult != null) {
            events.add(converseText(0, "The tool said: " + toolResult.path("content").path(0).path("text").asText().strip()));
            events.add(converseEvent("contentBlockStop", Json.object().put("contentBlockIndex", 0)));
            stop = "end_turn";
        } else if (body.path("toolConfig").path("tools").size() > 0 && last.toString().contains("marker command")) {
            events.add(converseText(0, "Running it."));
            events.add(converseEvent("contentBlockStop", Json.object().put("contentBlockIndex", 0)));
            ObjectNode start = Json.object().put("contentBlockIndex", 1);
            start.putObject("start").putObject("toolUse").put("toolUseId", "tooluse_marker_1").put("name", "Bash");
            events.add(converseEvent("contentBlockStart", start));
            String arguments = arguments();
            for (String part : List.of(arguments.substring(0, 12), arguments.substring(12))) {
                ObjectNode delta = Json.object().put("contentBlockIndex", 1);
                delta.putObject("delta").putObject("toolUse").put("input", part);
                events.add(converseEvent("contentBlockDelta", delta));
            }
            events.add(converseEvent("contentBlockStop", Json.object().put("contentBlockIndex", 1)));
            stop = "tool_use";
        } else {
            events.add(converseText(0, "OK"));
            events.add(converseEvent("contentBlockStop", Json.object().put("contentBlockIndex", 0)));
            stop = "end_turn";
        }
        events.add(converseEvent("messageStop", Json.object().put("stopReason", stop)));
        events.add(converseEvent("metadata", AgentFrames.converseMetadata()));
        return events;
    }

    private static ConverseEvent converseText(int index, String text) {
        return converseEvent("contentBlockDelta", AgentFrames.converseText(index, text));
    }

    private static ConverseEvent converseEvent(String type, ObjectNode json) {
        return new ConverseEvent(type, Json.write(json));
    }

    // ---- Anthropic Messages -----------------------------------------------------------------

    public static List<String> anthropic(JsonNode body) {
        JsonNode last = lastNonSystem(body.path("messages"));
        JsonNode toolResult = null;
        for (JsonNode block : last.path("content")) {
            if ("tool_result".equals(block.path("type").asText())) {
                toolResult = block;
            }
        }
        List<String> events = new ArrayList<>();
        ObjectNode message = Json.object().put("id", "msg_fake").put("type", "message").put("role", "assistant")
                .put("model", body.path("model").asText());
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 1000).put("output_tokens", 1);
        events.add(event(Json.object().put("type", "message_start").set("message", message)));
        String stop;
        int index = 0;
        if (toolResult != null) {
            String text = toolResult.path("content").isTextual() ? toolResult.path("content").asText()
                    : toolResult.path("content").path(0).path("text").asText();
            events.addAll(anthropicText(index, "The tool said: " + text.strip()));
            stop = "end_turn";
        } else if (wantsTool(body, last)) {
            events.add(event(Json.object().put("type", "content_block_start").put("index", index)
                    .set("content_block", Json.object().put("type", "thinking").put("thinking", ""))));
            events.add(event(Json.object().put("type", "content_block_delta").put("index", index)
                    .set("delta", Json.object().put("type", "thinking_delta").put("thinking", "Run the marker."))));
            events.add(event(Json.object().put("type", "content_block_delta").put("index", index)
                    .set("delta", Json.object().put("type", "signature_delta").put("signature", SIGNATURE))));
            events.add(event(Json.object().put("type", "content_block_stop").put("index", index++)));
            ObjectNode toolUse = Json.object().put("type", "tool_use").put("id", "toolu_marker_1").put("name", "Bash");
            toolUse.putObject("input");
            events.add(event(Json.object().put("type", "content_block_start").put("index", index).set("content_block", toolUse)));
            events.add(event(Json.object().put("type", "content_block_delta").put("index", index)
                    .set("delta", Json.object().put("type", "input_json_delta").put("partial_json", arguments()))));
            events.add(event(Json.object().put("type", "content_block_stop").put("index", index)));
            stop = "tool_use";
        } else {
            events.addAll(anthropicText(index, "OK"));
            stop = "end_turn";
        }
        events.addAll(anthropicEnd(stop));
        return events;
    }

    private static List<String> anthropicText(int index, String text) {
        return List.of(
                event(Json.object().put("type", "content_block_start").put("index", index)
                        .set("content_block", Json.object().put("type", "text").put("text", ""))),
                event(Json.object().put("type", "content_block_delta").put("index", index)
                        .set("delta", Json.object().put("type", "text_delta").put("text", text))),
                event(Json.object().put("type", "content_block_stop").put("index", index)));
    }
}
