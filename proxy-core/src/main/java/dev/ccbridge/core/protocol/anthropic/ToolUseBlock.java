package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;

public record ToolUseBlock(String id, String name, JsonNode input, JsonNode cacheControl)
        implements ContentBlock {
    public ToolUseBlock(String id, String name, JsonNode input) {
        this(id, name, input, null);
    }

    /** The block that opens a streamed tool call: input starts empty, arguments follow as deltas. */
    public static ToolUseBlock opening(String id, String name) {
        return new ToolUseBlock(id, name, Json.object(), null);
    }
}
