package dev.ccbridge.core.protocol.openai.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;

/**
 * A tool call: in requests (id, function name, JSON-string arguments), and as a streamed fragment
 * in responses, where any field may be missing and {@code index} says which call it extends.
 *
 * @param extraContent provider additions; Gemini puts {@code google.thought_signature} here, to be
 *                     sent back with the call
 */
public record ChatToolCall(Integer index, String id, String type, FunctionCall function, JsonNode extraContent) {
    public static ChatToolCall of(String id, String name, String arguments) {
        return new ChatToolCall(null, id, "function", new FunctionCall(name, arguments), null);
    }

    public String name() {
        return function == null ? null : function.name();
    }

    public String arguments() {
        return function == null ? null : function.arguments();
    }

    /** Gemini's thought signature for this call, if it carries one. */
    public String thoughtSignature() {
        if (extraContent == null) {
            return null;
        }
        JsonNode signature = extraContent.path("google").path("thought_signature");
        return signature.isTextual() && !signature.asText().isEmpty() ? signature.asText() : null;
    }

    /** This call with Gemini's thought signature attached. */
    public ChatToolCall withThoughtSignature(String signature) {
        var extra = Json.object();
        extra.putObject("google").put("thought_signature", signature);
        return new ChatToolCall(index, id, type, function, extra);
    }

    public record FunctionCall(String name, String arguments) {}
}
