package dev.ccbridge.core.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;

/** An Anthropic message's content in words: its text, and each tool call as a bracketed line. */
public final class AnswerText {
    private AnswerText() {}

    /** "Let me look.\n[tool call: Read {"file_path":"a.txt"}]\n"; empty for a message without content. */
    public static String of(JsonNode message) {
        var text = new StringBuilder();
        if (message == null) {
            return "";
        }
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "tool_use" -> text.append(text.isEmpty() ? "" : "\n").append("[tool call: ")
                        .append(block.path("name").asText()).append(' ').append(Json.write(block.path("input")))
                        .append("]\n");
                default -> { }
            }
        }
        return text.toString();
    }
}
