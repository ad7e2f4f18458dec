package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.databind.JsonNode;

public record TextBlock(String text, JsonNode cacheControl, JsonNode citations) implements ContentBlock {
    public TextBlock(String text) {
        this(text, null, null);
    }
}
