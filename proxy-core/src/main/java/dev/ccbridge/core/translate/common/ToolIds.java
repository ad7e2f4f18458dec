package dev.ccbridge.core.translate.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tool-call ids, mapped deterministically and without state: Claude Code echoes the ids it got,
 * so the same rule must give the same answer on the next turn, whichever provider wrote them.
 */
public final class ToolIds {
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int MAX_UPSTREAM_LENGTH = 64;

    private ToolIds() {}

    /**
     * An upstream id as Claude Code may see it: only {@code [A-Za-z0-9_-]} (others become {@code _}),
     * a fresh random id when the upstream gave none.
     */
    public static String toAnthropic(String upstreamId) {
        if (upstreamId == null || upstreamId.isBlank()) {
            return randomId();
        }
        var out = new StringBuilder(upstreamId.length());
        for (int i = 0; i < upstreamId.length(); i++) {
            char c = upstreamId.charAt(i);
            out.append(isLegal(c) ? c : '_');
        }
        return out.toString();
    }

    /** An Anthropic id for an upstream that takes any id of up to 64 characters. */
    public static String toUpstream(String anthropicId) {
        if (anthropicId == null || anthropicId.isEmpty()) {
            return "toolu_missing";
        }
        return anthropicId.length() <= MAX_UPSTREAM_LENGTH ? anthropicId : "toolu_" + hash(anthropicId, 32);
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
