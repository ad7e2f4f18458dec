package dev.ccbridge.app.targets;

import dev.ccbridge.core.target.ApiMode;
import java.util.Optional;

/** How an API mode reads in the app: its name in the editor and the list, a short one in the log table. */
public final class ModeNames {
    private ModeNames() {}

    public static String of(ApiMode mode) {
        return mode == null ? "" : switch (mode) {
            case CHAT_COMPLETIONS -> "Chat Completions";
            case CODEX_RESPONSES -> "Responses";
            case ANTHROPIC_MESSAGES -> "Anthropic Messages";
            case BEDROCK_CONVERSE -> "Bedrock Converse";
            case CODEX_APP_SERVER -> "Codex app server";
        };
    }

    public static String brief(ApiMode mode) {
        return mode == null ? "" : switch (mode) {
            case CHAT_COMPLETIONS -> "Chat";
            case CODEX_RESPONSES -> "Responses";
            case ANTHROPIC_MESSAGES -> "Anthropic";
            case BEDROCK_CONVERSE -> "Bedrock";
            case CODEX_APP_SERVER -> "Codex";
        };
    }

    /** The name of a mode as a request record names it ({@code chat_completions}); unknown ones as they are. */
    public static String of(String wireName) {
        return parse(wireName).map(ModeNames::of).orElse(wireName == null ? "" : wireName);
    }

    public static String brief(String wireName) {
        return parse(wireName).map(ModeNames::brief).orElse(wireName == null ? "" : wireName);
    }

    private static Optional<ApiMode> parse(String wireName) {
        try {
            return wireName == null ? Optional.empty() : Optional.of(ApiMode.fromWire(wireName));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
