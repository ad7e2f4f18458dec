package dev.ccbridge.core.protocol.anthropic;

public record RedactedThinkingBlock(String data) implements ContentBlock {
}
