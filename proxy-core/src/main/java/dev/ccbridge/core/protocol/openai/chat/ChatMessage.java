package dev.ccbridge.core.protocol.openai.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One Chat message. {@code content} is a string, a list of {@link ChatPart}s, or null (an
 * assistant turn that only calls tools), and is always written, null included.
 */
@JsonPropertyOrder({"role", "content", "reasoning_content", "tool_calls", "tool_call_id"})
public record ChatMessage(String role, @JsonInclude(JsonInclude.Include.ALWAYS) Object content,
                          String reasoningContent, List<ChatToolCall> toolCalls, String toolCallId) {

    /** @param content a string, or text parts (carrying prompt-cache marks) */
    public static ChatMessage system(Object content) {
        return new ChatMessage("system", content, null, null, null);
    }

    public static ChatMessage user(Object content) {
        return new ChatMessage("user", content, null, null, null);
    }

    /** @param content a string, or text parts (carrying a prompt-cache mark) */
    public static ChatMessage tool(String toolCallId, Object content) {
        return new ChatMessage("tool", content, null, null, toolCallId);
    }

    public static ChatMessage assistant(String text, String reasoning, List<ChatToolCall> calls) {
        return new ChatMessage("assistant", text, reasoning, calls == null || calls.isEmpty() ? null : calls, null);
    }
}
