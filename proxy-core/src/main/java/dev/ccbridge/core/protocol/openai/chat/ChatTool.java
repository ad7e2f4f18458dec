package dev.ccbridge.core.protocol.openai.chat;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code {type:"function", function:{name, description, parameters}}}. */
public record ChatTool(String type, Function function) {
    public static ChatTool function(String name, String description, JsonNode parameters) {
        return new ChatTool("function", new Function(name, description, parameters));
    }

    public record Function(String name, String description, JsonNode parameters) {}
}
