package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.databind.JsonNode;

public record ImageBlock(MediaSource source, JsonNode cacheControl) implements ContentBlock {
}
