package dev.ccbridge.core.protocol.openai.chat;

/**
 * A tool call: in requests (id, function name, JSON-string arguments), and as a streamed fragment
 * in responses, where any field may be missing and {@code index} says which call it extends.
 */
public record ChatToolCall(Integer index, String id, String type, FunctionCall function) {
    public static ChatToolCall of(String id, String name, String arguments) {
        return new ChatToolCall(null, id, "function", new FunctionCall(name, arguments));
    }

    public String name() {
        return function == null ? null : function.name();
    }

    public String arguments() {
        return function == null ? null : function.arguments();
    }

    public record FunctionCall(String name, String arguments) {}
}
