package dev.ccbridge.core.protocol.anthropic;

public record ThinkingBlock(String thinking, String signature) implements ContentBlock {
    /** The block that opens streamed thinking: text and signature follow as deltas. */
    public static ThinkingBlock opening() {
        return new ThinkingBlock("", null);
    }
}
