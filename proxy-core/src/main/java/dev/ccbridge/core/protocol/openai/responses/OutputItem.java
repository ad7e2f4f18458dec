package dev.ccbridge.core.protocol.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An output item as the provider reports it: {@code message} (role, content of output_text or
 * refusal parts), {@code function_call} ({@code id} "fc_...", {@code call_id} "call_...", name,
 * arguments), {@code reasoning} ({@code id} "rs_...", summary parts, encrypted_content, and for some
 * open models reasoning_text content). Other types (hosted tools) are read but ignored.
 */
public record OutputItem(String type, String id, String callId, String name, JsonNode arguments, String status,
                         String role, List<Part> content, List<Part> summary, String encryptedContent) {

    public boolean isFunctionCall() {
        return "function_call".equals(type);
    }

    public boolean isMessage() {
        return "message".equals(type);
    }

    public boolean isReasoning() {
        return "reasoning".equals(type);
    }

    public List<Part> contentOrEmpty() {
        return content == null ? List.of() : content;
    }

    public List<Part> summaryOrEmpty() {
        return summary == null ? List.of() : summary;
    }

    public String argumentsText() {
        return jsonText(arguments);
    }

    /** @param type {@code output_text}, {@code refusal}, {@code summary_text} or {@code reasoning_text} */
    public record Part(String type, String text, String refusal) {}

    static String jsonText(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
