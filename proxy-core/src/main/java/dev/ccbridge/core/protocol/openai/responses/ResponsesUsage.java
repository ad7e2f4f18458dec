package dev.ccbridge.core.protocol.openai.responses;

import dev.ccbridge.core.protocol.anthropic.Usage;

/** Responses usage: {@code input_tokens} includes the cached ones; {@code output_tokens} includes reasoning. */
public record ResponsesUsage(Long inputTokens, InputDetails inputTokensDetails, Long outputTokens,
                             OutputDetails outputTokensDetails, Long totalTokens) {

    public record InputDetails(Long cachedTokens) {}

    public record OutputDetails(Long reasoningTokens) {}

    /** Anthropic counts cache reads apart from input tokens. */
    public Usage toAnthropic() {
        long input = inputTokens == null ? 0 : inputTokens;
        long cached = inputTokensDetails == null || inputTokensDetails.cachedTokens() == null
                ? 0 : Math.min(inputTokensDetails.cachedTokens(), input);
        return new Usage(input - cached, outputTokens == null ? 0 : outputTokens, 0, cached);
    }
}
