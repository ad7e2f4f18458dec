package dev.ccbridge.core.protocol.openai.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A streamed {@code chat.completion.chunk}, or a whole {@code chat.completion} (whose choices carry
 * {@code message} instead of {@code delta}). Some providers put an {@code error} object in a chunk.
 */
public record ChatChunk(String id, String model, List<Choice> choices, ChatUsage usage, JsonNode error) {

    public List<Choice> choicesOrEmpty() {
        return choices == null ? List.of() : choices;
    }

    public record Choice(Integer index, Delta delta, Delta message, String finishReason) {
        /** What this choice adds: the delta of a chunk, or the message of a whole completion. */
        public Delta content() {
            return delta != null ? delta : message;
        }
    }

    /**
     * {@code reasoning_content} (DeepSeek, Kimi, Qwen, vLLM) and {@code reasoning} (OpenRouter,
     * Ollama, Groq) both carry reasoning text; OpenRouter adds {@code reasoning_details}, the
     * structured form it wants back unchanged. {@code annotations} name the pages a web search
     * found (OpenRouter: {@code {type:"url_citation", url_citation:{url, title, content}}}).
     */
    public record Delta(String role, String content, String reasoningContent, String reasoning, String refusal,
                        List<ChatToolCall> toolCalls, JsonNode reasoningDetails, List<Annotation> annotations) {
        public String reasoningText() {
            return reasoningContent != null && !reasoningContent.isEmpty() ? reasoningContent : reasoning;
        }

        /** The field the reasoning text came in, which is the one the upstream takes back. */
        public String reasoningField() {
            return reasoningContent != null && !reasoningContent.isEmpty() ? "reasoning_content" : "reasoning";
        }

        public List<Annotation> annotationsOrEmpty() {
            return annotations == null ? List.of() : annotations;
        }
    }

    /** A source of the answer's text; {@code url_citation} is the one kind read. */
    public record Annotation(String type, UrlCitation urlCitation) {}

    /** @param content the page's text the answer relies on, where the provider gives it */
    public record UrlCitation(String url, String title, String content) {}
}
