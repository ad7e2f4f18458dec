package dev.ccbridge.core.protocol.anthropic;

/**
 * Token counts as Anthropic reports them: {@code inputTokens} excludes cache reads and writes,
 * so the prompt's total is the sum of the three input fields. {@code serverToolUse} counts the
 * web searches made for the answer (null when there were none).
 */
public record Usage(long inputTokens, long outputTokens, long cacheCreationInputTokens,
                    long cacheReadInputTokens, ServerToolUsage serverToolUse) {
    public static final Usage ZERO = new Usage(0, 0, 0, 0);

    public Usage(long inputTokens, long outputTokens, long cacheCreationInputTokens, long cacheReadInputTokens) {
        this(inputTokens, outputTokens, cacheCreationInputTokens, cacheReadInputTokens, null);
    }

    public long promptTotal() {
        return inputTokens + cacheCreationInputTokens + cacheReadInputTokens;
    }

    /** Both answers' tokens: an answer made of several upstream calls (a search loop) costs them all. */
    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cacheCreationInputTokens + other.cacheCreationInputTokens,
                cacheReadInputTokens + other.cacheReadInputTokens, serverToolUse);
    }

    /** These counts with {@code searches} web searches made (none: no {@code server_tool_use}). */
    public Usage withWebSearches(long searches) {
        return new Usage(inputTokens, outputTokens, cacheCreationInputTokens, cacheReadInputTokens,
                searches > 0 ? new ServerToolUsage(searches) : null);
    }

    public long webSearchRequests() {
        return serverToolUse == null ? 0 : serverToolUse.webSearchRequests();
    }
}
