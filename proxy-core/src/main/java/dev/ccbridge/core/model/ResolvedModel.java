package dev.ccbridge.core.model;

/**
 * The model one request goes to.
 *
 * @param target       the id of the target that serves it: reasoning state its answers carry
 *                     (signatures, encrypted reasoning) goes back to this target only
 * @param requested    what Claude Code asked for (answers report this id)
 * @param upstream     what the provider is asked for
 * @param capabilities the upstream model's capabilities, every field set
 */
public record ResolvedModel(String target, String requested, String upstream, ModelCapabilities capabilities) {
    /** {@code requested} clamped to what the model can produce. */
    public int clampMaxTokens(Integer requestedMaxTokens) {
        int limit = capabilities.maxOutputTokens();
        return requestedMaxTokens == null || requestedMaxTokens <= 0 ? limit : Math.min(requestedMaxTokens, limit);
    }
}
