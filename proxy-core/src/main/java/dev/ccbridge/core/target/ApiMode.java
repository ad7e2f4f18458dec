package dev.ccbridge.core.target;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The upstream protocol a target speaks. */
public enum ApiMode {
    CHAT_COMPLETIONS("chat_completions"),
    CODEX_RESPONSES("codex_responses"),
    ANTHROPIC_MESSAGES("anthropic_messages"),
    BEDROCK_CONVERSE("bedrock_converse"),
    CODEX_APP_SERVER("codex_app_server");

    private final String wireName;

    ApiMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ApiMode fromWire(String name) {
        for (ApiMode mode : values()) {
            if (mode.wireName.equalsIgnoreCase(name) || mode.name().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown apiMode '" + name + "'; expected one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(ApiMode::wireName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
