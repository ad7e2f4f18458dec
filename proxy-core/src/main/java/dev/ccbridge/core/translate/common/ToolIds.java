package dev.ccbridge.core.translate.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tool-call ids, mapped deterministically and without state: Claude Code echoes the ids it got,
 * so the same rule must give the same answer on the next turn, whichever provider wrote them.
 */
public final class ToolIds {
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int MAX_UPSTREAM_LENGTH = 64;
    /** What starts an id that {@link #toAnthropic} encoded. */
    static final String ENCODED = "toolenc_";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private ToolIds() {}

    /**
     * An upstream id as Claude Code may see it: an id of {@code [A-Za-z0-9_-]} as it is, any other
     * encoded reversibly ({@link #ENCODED} and its UTF-8 in unpadded base64url), a fresh random id
     * when the upstream gave none. Reversible, because some providers read their own ids back from
     * the history (Kimi's {@code functions.Bash:1}: shown another form, its model derails).
     */
    public static String toAnthropic(String upstreamId) {
        if (upstreamId == null || upstreamId.isBlank()) {
            return randomId();
        }
        if (isLegal(upstreamId) && !upstreamId.startsWith(ENCODED)) {
            return upstreamId;
        }
        return ENCODED + BASE64.encodeToString(upstreamId.getBytes(StandardCharsets.UTF_8));
    }

    /** The id an upstream wrote, for an id Claude Code echoes: what {@link #toAnthropic} encoded, decoded. */
    public static String original(String anthropicId) {
        if (anthropicId == null || !anthropicId.startsWith(ENCODED)) {
            return anthropicId;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(anthropicId.substring(ENCODED.length())),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notOurs) {
            return anthropicId;
        }
    }

    /** The id for an upstream that takes any id of up to 64 characters: the one it wrote, when it wrote it. */
    public static String toUpstream(String anthropicId) {
        if (anthropicId == null || anthropicId.isEmpty()) {
            return "toolu_missing";
        }
        String original = original(anthropicId);
        return original.length() <= MAX_UPSTREAM_LENGTH ? original : "toolu_" + hash(original, 32);
    }

    /** The id for an upstream that takes only {@code [A-Za-z0-9_-]} of up to 64 characters (Bedrock). */
    public static String toLegalUpstream(String anthropicId) {
        if (anthropicId == null || anthropicId.isBlank()) {
            return "toolu_missing";
        }
        String legal = legal(anthropicId);
        return legal.length() <= MAX_UPSTREAM_LENGTH ? legal : "toolu_" + hash(legal, 32);
    }

    /** An id of {@code [A-Za-z0-9_-]} as it is, any other as {@link #toAnthropic} encodes it. */
    public static String legal(String id) {
        return isLegal(id) ? id : toAnthropic(id);
    }

    /** An Anthropic id for upstreams that want exactly nine alphanumerics (Mistral). */
    public static String toNineAlphanumerics(String anthropicId) {
        return hash(anthropicId == null ? "" : anthropicId, 9);
    }

    public static String randomId() {
        var random = ThreadLocalRandom.current();
        var out = new StringBuilder("toolu_");
        for (int i = 0; i < 24; i++) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    private static boolean isLegal(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (!isLegal(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLegal(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** The first {@code length} base62 digits of the id's SHA-256. */
    static String hash(String value, int length) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        var out = new StringBuilder(length);
        for (int i = 0; out.length() < length; i++) {
            out.append(ALPHANUMERIC.charAt((digest[i % digest.length] & 0xff) % ALPHANUMERIC.length()));
        }
        return out.toString();
    }
}
