package dev.ccbridge.core.translate.common;

import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * The reasoning effort a request asks for, in OpenAI's words (low, medium, high), from Claude
 * Code's effort setting or its thinking budget. Empty when the request does not ask to think.
 */
public final class Effort {
    private Effort() {}

    public static Optional<String> of(MessagesRequest request) {
        String effort = request.effort();
        if (effort != null && !effort.isBlank()) {
            return Optional.of(switch (effort.toLowerCase(Locale.ROOT)) {
                case "low", "minimal" -> "low";
                case "medium" -> "medium";
                default -> "high";
            });
        }
        if (!request.thinkingOn()) {
            return Optional.empty();
        }
        Integer budget = request.thinking().budgetTokens();
        if (budget == null) {
            return Optional.of("medium");
        }
        return Optional.of(budget < 4096 ? "low" : budget < 16384 ? "medium" : "high");
    }
}
