package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One server-sent event of an Anthropic message stream. The SSE {@code event:} name always equals
 * the {@code type} written into the data.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StreamEvent.MessageStart.class, name = "message_start"),
        @JsonSubTypes.Type(value = StreamEvent.ContentBlockStart.class, name = "content_block_start"),
        @JsonSubTypes.Type(value = StreamEvent.ContentBlockDelta.class, name = "content_block_delta"),
        @JsonSubTypes.Type(value = StreamEvent.ContentBlockStop.class, name = "content_block_stop"),
        @JsonSubTypes.Type(value = StreamEvent.MessageDelta.class, name = "message_delta"),
        @JsonSubTypes.Type(value = StreamEvent.MessageStop.class, name = "message_stop"),
        @JsonSubTypes.Type(value = StreamEvent.Ping.class, name = "ping"),
        @JsonSubTypes.Type(value = StreamEvent.Error.class, name = "error"),
})
public sealed interface StreamEvent {
    /** The event's name on the wire. */
    @JsonIgnore
    String type();

    record MessageStart(MessagesResponse message) implements StreamEvent {
        public String type() {
            return "message_start";
        }
    }

    @JsonPropertyOrder({"index", "content_block"})
    record ContentBlockStart(int index, ContentBlock contentBlock) implements StreamEvent {
        public String type() {
            return "content_block_start";
        }
    }

    @JsonPropertyOrder({"index", "delta"})
    record ContentBlockDelta(int index, Delta delta) implements StreamEvent {
        public String type() {
            return "content_block_delta";
        }
    }

    record ContentBlockStop(int index) implements StreamEvent {
        public String type() {
            return "content_block_stop";
        }
    }

    record MessageDelta(StopInfo delta, Usage usage) implements StreamEvent {
        public String type() {
            return "message_delta";
        }
    }

    /** The {@code delta} of {@code message_delta}; both fields are always written, null included. */
    record StopInfo(@JsonInclude(JsonInclude.Include.ALWAYS) String stopReason,
                    @JsonInclude(JsonInclude.Include.ALWAYS) String stopSequence) {}

    record MessageStop() implements StreamEvent {
        public String type() {
            return "message_stop";
        }
    }

    record Ping() implements StreamEvent {
        public String type() {
            return "ping";
        }
    }

    record Error(ApiError.Body error) implements StreamEvent {
        public String type() {
            return "error";
        }
    }
}
