package dev.ccbridge.core.protocol.openai.chat;

import dev.ccbridge.core.protocol.anthropic.Usage;

/** Chat usage; cached prompt tokens come as {@code prompt_tokens_details.cached_tokens} or DeepSeek's {@code prompt_cache_hit_tokens}. */
public record ChatUsage(Long promptTokens, Long completionTokens, Long totalTokens, PromptDetails promptTokensDetails,
                        Long promptCacheHitTokens, ServerToolUse serverToolUse) {

    public record PromptDetails(Long cachedTokens) {}

    /** OpenRouter: how many web searches its server tool made. */
    public record ServerToolUse(Long webSearchRequests) {}

    public long webSearchRequests() {
        return serverToolUse == null || serverToolUse.webSearchRequests() == null ? 0 : serverToolUse.webSearchRequests();
    }

    /** Anthropic counts cache reads apart from input tokens. */
    public Usage toAnthropic() {
        long prompt = promptTokens == null ? 0 : promptTokens;
        long cached = promptTokensDetails != null && promptTokensDetails.cachedTokens() != null
                ? promptTokensDetails.cachedTokens()
                : promptCacheHitTokens == null ? 0 : promptCacheHitTokens;
        cached = Math.min(cached, prompt);
        return new Usage(prompt - cached, completionTokens == null ? 0 : completionTokens, 0, cached);
    }
}
