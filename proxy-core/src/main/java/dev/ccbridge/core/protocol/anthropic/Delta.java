package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The {@code delta} of a {@code content_block_delta} event. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Delta.Text.class, name = "text_delta"),
        @JsonSubTypes.Type(value = Delta.InputJson.class, name = "input_json_delta"),
        @JsonSubTypes.Type(value = Delta.Thinking.class, name = "thinking_delta"),
        @JsonSubTypes.Type(value = Delta.Signature.class, name = "signature_delta"),
        @JsonSubTypes.Type(value = Delta.Citations.class, name = "citations_delta"),
})
public sealed interface Delta {
    record Text(String text) implements Delta {}

    record InputJson(String partialJson) implements Delta {}

    record Thinking(String thinking) implements Delta {}

    record Signature(String signature) implements Delta {}

    /** A source for the text block it is sent in. */
    record Citations(Citation citation) implements Delta {}
}
