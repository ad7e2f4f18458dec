package dev.ccbridge.core.server;

import dev.ccbridge.core.target.AccessTokens;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a refused token was, in words for the request log, never the token itself: one of this
 * ccbridge's tokens sent to the wrong URL, an Anthropic API key, a ccbridge token that is no longer
 * valid, or at most its first four characters.
 */
final class SentTokens {
    private static final int SHOWN_CHARS = 4;
    private static final int SHOWN_FROM_LENGTH = 16;

    private SentTokens() {}

    /**
     * @param byHeader the credentials sent, by the header that carried them (blank ones left out)
     * @param pinned   whether the request came to a target's own URL
     */
    static String describe(Map<String, String> byHeader, TargetRegistry targets, boolean pinned) {
        Map<String, String> words = new LinkedHashMap<>();
        byHeader.forEach((header, token) -> words.merge(describe(token, targets, pinned), header,
                (first, second) -> first + ", " + second));
        return words.entrySet().stream().map(e -> "sent in " + e.getValue() + ": " + e.getKey())
                .collect(Collectors.joining("; "));
    }

    static String describe(String token, TargetRegistry targets, boolean pinned) {
        if (pinned && AccessTokens.matches(targets.installToken(), token)) {
            return "the install token, but a target's own URL takes that target's token (ccbridge env --target ID)";
        }
        for (Target target : targets.targets()) {
            if (AccessTokens.matches(target.token(), token)) {
                return "the token of target '" + target.id() + "', " + (pinned ? "at another target's URL"
                        : "but the root URL takes the install token (ccbridge env)");
            }
        }
        if (token.startsWith("sk-ant-")) {
            return "an Anthropic API key (from ANTHROPIC_API_KEY or Claude Code's settings?)";
        }
        if (token.startsWith("ccb_")) {
            return "a ccbridge token that is not valid here (rotated, or from another config: "
                    + "an old one in ~/.claude/settings.json?)";
        }
        return token.length() >= SHOWN_FROM_LENGTH
                ? "a token starting '" + token.substring(0, SHOWN_CHARS) + "...'"
                : "a token of " + token.length() + " characters";
    }
}
