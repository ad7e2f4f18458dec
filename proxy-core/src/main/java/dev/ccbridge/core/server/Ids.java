package dev.ccbridge.core.server;

import java.util.concurrent.ThreadLocalRandom;

/** Anthropic-style ids for messages ({@code msg_...}) and requests ({@code req_...}). */
final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {}

    static String messageId() {
        return "msg_" + random(24);
    }

    static String requestId() {
        return "req_" + random(24);
    }

    private static String random(int length) {
        var random = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
