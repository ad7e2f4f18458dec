package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.databind.JsonNode;

public record DocumentBlock(MediaSource source, String title, String context, JsonNode cacheControl)
        implements ContentBlock {
}
