package dev.ccbridge.core.translate.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI's {@code prompt_cache_key}: one per Claude Code session, stable across its turns, so a
 * session's requests reach the same prompt cache. Derived from the session Claude Code names in
 * {@code metadata.user_id} (a JSON object with {@code session_id} in 2.x, {@code ..._session_<id>}
 * before), hashed so nothing of the user's ids leaves the machine.
 */
public final class PromptCacheKey {
    private static final Pattern LEGACY_SESSION = Pattern.compile("_session_([0-9A-Za-z-]+)");

    private PromptCacheKey() {}

    public static Optional<String> of(MessagesRequest request) {
        JsonNode userId = request.metadata() == null ? null : request.metadata().get("user_id");
        if (userId == null || !userId.isTextual() || userId.asText().isBlank()) {
            return Optional.empty();
        }
        String text = userId.asText();
        String session = null;
        JsonNode parsed = text.startsWith("{") ? Json.parseOrNull(text) : null;
        if (parsed != null && parsed.path("session_id").isTextual()) {
            session = parsed.path("session_id").asText();
        } else {
            Matcher legacy = LEGACY_SESSION.matcher(text);
            if (legacy.find()) {
                session = legacy.group(1);
            }
        }
        return session == null || session.isBlank() ? Optional.empty() : Optional.of("ccbridge-" + hash(session));
    }

    private static String hash(String session) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(session.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
