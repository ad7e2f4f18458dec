package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;

/**
 * A tool call the server runs itself (web search), answered by a result block that follows it in
 * the same message. Streamed like a tool call: opened with empty input, the input as
 * {@code input_json_delta}.
 */
@JsonPropertyOrder({"type", "id", "name", "input"})
public record ServerToolUseBlock(String id, String name, JsonNode input) implements ContentBlock {
    /** The block that opens a streamed server tool call. */
    public static ServerToolUseBlock opening(String id, String name) {
        return new ServerToolUseBlock(id, name, Json.object());
    }

    /** The {@code query} of a web search call, or empty text. */
    public String query() {
        return input == null ? "" : input.path("query").asText("");
    }
}
