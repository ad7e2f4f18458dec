package dev.ccbridge.core.protocol.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A flat function tool: {@code {type:"function", name, description, parameters, strict:false}}.
 * Not strict: Claude Code's schemas have optional properties that strict mode would reject.
 */
public record ResponsesTool(String type, String name, String description, JsonNode parameters, boolean strict) {
    public static ResponsesTool function(String name, String description, JsonNode parameters) {
        return new ResponsesTool("function", name, description, parameters, false);
    }
}
