package dev.ccbridge.core.protocol.anthropic;

/**
 * Token counts as Anthropic reports them: {@code inputTokens} excludes cache reads and writes,
 * so the prompt's total is the sum of the three input fields.
 */
public record Usage(long inputTokens, long outputTokens, long cacheCreationInputTokens,
                    long cacheReadInputTokens) {
    public static final Usage ZERO = new Usage(0, 0, 0, 0);

    public long promptTotal() {
        return inputTokens + cacheCreationInputTokens + cacheReadInputTokens;
    }
}
