package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/** A tool's answer; {@code content} may arrive as a string, kept here as one text block. */
public record ToolResultBlock(String toolUseId,
                              @JsonDeserialize(using = ContentListDeserializer.class) List<ContentBlock> content,
                              Boolean isError, JsonNode cacheControl) implements ContentBlock {
    public boolean failed() {
        return Boolean.TRUE.equals(isError);
    }

    public List<ContentBlock> contentOrEmpty() {
        return content == null ? List.of() : content;
    }
}
