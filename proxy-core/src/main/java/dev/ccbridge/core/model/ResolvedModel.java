package dev.ccbridge.core.model;

/**
 * The model one request goes to.
 *
 * @param requested    what Claude Code asked for (answers report this id)
 * @param upstream     what the provider is asked for
 * @param capabilities the upstream model's capabilities, every field set
 */
public record ResolvedModel(String requested, String upstream, ModelCapabilities capabilities) {
    /** {@code requested} clamped to what the model can produce. */
    public int clampMaxTokens(Integer requestedMaxTokens) {
        int limit = capabilities.maxOutputTokens();
        return requestedMaxTokens == null || requestedMaxTokens <= 0 ? limit : Math.min(requestedMaxTokens, limit);
    }
}
