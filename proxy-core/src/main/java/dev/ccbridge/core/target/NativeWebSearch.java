package dev.ccbridge.core.target;

import java.util.Optional;

/**
 * The web search a target's provider runs itself: OpenAI's Responses {@code web_search} tool, or
 * OpenRouter's {@code openrouter:web_search} server tool (on any model it serves). Gemini's
 * OpenAI-compatible endpoint offers no switch for its Google Search grounding, so Gemini targets,
 * like every other Chat target, search through the configured backend.
 */
public enum NativeWebSearch {
    RESPONSES, OPENROUTER;

    private static final String OPENROUTER_PROVIDER = "openrouter";

    public static Optional<NativeWebSearch> of(Target target) {
        if (target.apiMode() == ApiMode.CODEX_RESPONSES) {
            return Optional.of(RESPONSES);
        }
        if (target.apiMode() == ApiMode.CHAT_COMPLETIONS && OPENROUTER_PROVIDER.equalsIgnoreCase(target.provider())) {
            return Optional.of(OPENROUTER);
        }
        return Optional.empty();
    }
}
