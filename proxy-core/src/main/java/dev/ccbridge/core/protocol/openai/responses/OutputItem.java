package dev.ccbridge.core.protocol.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An output item as the provider reports it: {@code message} (role, content of output_text or
 * refusal parts), {@code function_call} ({@code id} "fc_...", {@code call_id} "call_...", name,
 * arguments), {@code reasoning} ({@code id} "rs_...", summary parts, encrypted_content, and for some
 * open models reasoning_text content), {@code web_search_call} ({@code id} "ws_...", status, and an
 * {@code action}: {@code {type:"search", query, queries, sources:[{url}]}}). Other hosted tools are
 * read but ignored.
 */
public record OutputItem(String type, String id, String callId, String name, JsonNode arguments, String status,
                         String role, List<Part> content, List<Part> summary, String encryptedContent,
                         JsonNode action) {

    public boolean isFunctionCall() {
        return "function_call".equals(type);
    }

    public boolean isMessage() {
        return "message".equals(type);
    }

    public boolean isReasoning() {
        return "reasoning".equals(type);
    }

    public boolean isWebSearchCall() {
        return "web_search_call".equals(type);
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

    /**
     * @param type        {@code output_text}, {@code refusal}, {@code summary_text} or {@code reasoning_text}
     * @param annotations an output text's sources: {@code {type:"url_citation", url, title, start_index, end_index}}
     */
    public record Part(String type, String text, String refusal, List<JsonNode> annotations) {
        public List<JsonNode> annotationsOrEmpty() {
            return annotations == null ? List.of() : annotations;
        }
    }

    static String jsonText(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
