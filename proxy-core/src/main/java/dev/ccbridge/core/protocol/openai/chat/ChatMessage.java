package dev.ccbridge.core.protocol.openai.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One Chat message. {@code content} is a string, a list of {@link ChatPart}s, or null (an
 * assistant turn that only calls tools), and is always written, null included. Reasoning goes
 * back in the field the upstream used: {@code reasoning_content} or {@code reasoning}, or
 * OpenRouter's {@code reasoning_details}.
 */
@JsonPropertyOrder({"role", "content", "reasoning_content", "reasoning", "reasoning_details", "tool_calls",
        "tool_call_id"})
public record ChatMessage(String role, @JsonInclude(JsonInclude.Include.ALWAYS) Object content,
                          String reasoningContent, String reasoning, JsonNode reasoningDetails,
                          List<ChatToolCall> toolCalls, String toolCallId) {

    /** @param content a string, or text parts (carrying prompt-cache marks) */
    public static ChatMessage system(Object content) {
        return new ChatMessage("system", content, null, null, null, null, null);
    }

    public static ChatMessage user(Object content) {
        return new ChatMessage("user", content, null, null, null, null, null);
    }

    /** @param content a string, or text parts (carrying a prompt-cache mark) */
    public static ChatMessage tool(String toolCallId, Object content) {
        return new ChatMessage("tool", content, null, null, null, null, toolCallId);
    }

    /** @param reasoning what goes back of the turn's reasoning, or null for none */
    public static ChatMessage assistant(String text, ReplayedReasoning reasoning, List<ChatToolCall> calls) {
        List<ChatToolCall> toolCalls = calls == null || calls.isEmpty() ? null : calls;
        if (reasoning == null) {
            return new ChatMessage("assistant", text, null, null, null, toolCalls, null);
        }
        boolean plainField = "reasoning".equals(reasoning.field());
        return new ChatMessage("assistant", text, plainField ? null : reasoning.text(),
                plainField ? reasoning.text() : null, reasoning.details(), toolCalls, null);
    }

    /**
     * Reasoning sent back on an assistant turn.
     *
     * @param field   {@code reasoning_content} or {@code reasoning}
     * @param text    the reasoning text, or null
     * @param details OpenRouter's {@code reasoning_details} as the upstream sent them, or null
     */
    public record ReplayedReasoning(String field, String text, JsonNode details) {}
}
