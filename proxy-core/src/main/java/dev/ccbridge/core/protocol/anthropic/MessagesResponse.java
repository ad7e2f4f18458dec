package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A complete (non-streamed) answer, and the {@code message} of a {@code message_start} event. */
@JsonPropertyOrder({"id", "type", "role", "model", "content", "stop_reason", "stop_sequence", "usage"})
public record MessagesResponse(String id, String type, String role, String model, List<ContentBlock> content,
                               @JsonInclude(JsonInclude.Include.ALWAYS) String stopReason,
                               @JsonInclude(JsonInclude.Include.ALWAYS) String stopSequence,
                               Usage usage) {
    public static MessagesResponse of(String id, String model, List<ContentBlock> content, String stopReason,
                                      String stopSequence, Usage usage) {
        return new MessagesResponse(id, "message", "assistant", model, content, stopReason, stopSequence, usage);
    }
}
