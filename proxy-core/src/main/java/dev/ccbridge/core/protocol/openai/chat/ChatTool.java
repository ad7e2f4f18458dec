package dev.ccbridge.core.protocol.openai.chat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code {type:"function", function:{name, description, parameters}}}, or a provider's server tool
 * with its settings ({@code {type:"openrouter:web_search", parameters:{...}}}).
 */
public record ChatTool(String type, Function function, JsonNode parameters) {
    public static ChatTool function(String name, String description, JsonNode parameters) {
        return new ChatTool("function", new Function(name, description, parameters), null);
    }

    /** A tool the provider runs itself, by its type. */
    public static ChatTool serverTool(String type, JsonNode parameters) {
        return new ChatTool(type, null, parameters);
    }

    public record Function(String name, String description, JsonNode parameters) {}
}
