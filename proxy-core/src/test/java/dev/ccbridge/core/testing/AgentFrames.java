package dev.ccbridge.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import java.util.List;

/** The wire pieces the fake agents write: SSE frames, Chat chunks, the closing events of each protocol. */
final class AgentFrames {
    private AgentFrames() {}

    static String data(JsonNode json) {
        return "data: " + Json.write(json) + "\n\n";
    }

    /** An SSE event named after its {@code type}. */
    static String event(JsonNode json) {
        return "event: " + json.path("type").asText() + "\n" + data(json);
    }

    /** Claude Code puts its environment block in a {@code system} message after the user's prompt. */
    static JsonNode lastNonSystem(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (!"system".equals(messages.get(i).path("role").asText())) {
                return messages.get(i);
            }
        }
        throw new IllegalArgumentException("no user or assistant message");
    }

    static String chatDelta(ObjectNode delta) {
        ObjectNode chunk = Json.object();
        chunk.putArray("choices").addObject().put("index", 0).set("delta", delta);
        return data(chunk);
    }

    static String chatFinish(String reason) {
        ObjectNode chunk = Json.object();
        chunk.putArray("choices").addObject().put("index", 0).put("finish_reason", reason).putObject("delta");
        return data(chunk);
    }

    /** The usage chunk and {@code [DONE]} that close a Chat stream. */
    static List<String> chatEnd() {
        return List.of("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":20}}\n\n",
                "data: [DONE]\n\n");
    }

    static String responsesCompleted() {
        ObjectNode response = Json.object().put("id", "resp_1").put("status", "completed");
        response.putObject("usage").put("input_tokens", 1000).put("output_tokens", 20)
                .putObject("input_tokens_details").put("cached_tokens", 0);
        return event(Json.object().put("type", "response.completed").set("response", response));
    }

    /** {@code message_delta} with the stop reason, then {@code message_stop}. */
    static List<String> anthropicEnd(String stopReason) {
        ObjectNode delta = Json.object().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", 20);
        return List.of(event(delta), event(Json.object().put("type", "message_stop")));
    }

    static ObjectNode converseText(int index, String text) {
        ObjectNode delta = Json.object().put("contentBlockIndex", index);
        delta.putObject("delta").put("text", text);
        return delta;
    }

    static ObjectNode converseMetadata() {
        ObjectNode metadata = Json.object();
        metadata.putObject("usage").put("inputTokens", 1000).put("outputTokens", 20).put("totalTokens", 1020);
        metadata.putObject("metrics").put("latencyMs", 100);
        return metadata;
    }
}
