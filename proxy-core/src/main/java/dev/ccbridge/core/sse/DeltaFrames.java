package dev.ccbridge.core.sse;

import dev.ccbridge.core.protocol.anthropic.Delta;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one frame a stream sends hundreds of times, {@code content_block_delta}, encoded straight
 * to bytes: the same bytes Jackson writes for it (field order, escapes), without building a
 * generator per event. Anything unusual (a lone surrogate) is left to Jackson.
 */
final class DeltaFrames {
    private static final byte[] HEAD = ascii("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":");
    private static final byte[] TEXT = ascii(",\"delta\":{\"type\":\"text_delta\",\"text\":\"");
    private static final byte[] THINKING = ascii(",\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"");
    private static final byte[] INPUT_JSON = ascii(",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"");
    private static final byte[] SIGNATURE = ascii(",\"delta\":{\"type\":\"signature_delta\",\"signature\":\"");
    private static final byte[] TAIL = ascii("\"}}\n\n");
    private static final byte[] HEX = ascii("0123456789ABCDEF");

    private DeltaFrames() {}

    /** The frame, or null when Jackson should write it. */
    static byte[] encode(StreamEvent.ContentBlockDelta event) {
        byte[] field;
        String value;
        switch (event.delta()) {
            case Delta.Text t -> {
                field = TEXT;
                value = t.text();
            }
            case Delta.Thinking t -> {
                field = THINKING;
                value = t.thinking();
            }
            case Delta.InputJson j -> {
                field = INPUT_JSON;
                value = j.partialJson();
            }
            case Delta.Signature s -> {
                field = SIGNATURE;
                value = s.signature();
            }
            case Delta.Citations c -> {
                return null;
            }
            case null -> {
                return null;
            }
        }
        if (value == null) {
            return null;
        }
        byte[] index = Integer.toString(event.index()).getBytes(StandardCharsets.US_ASCII);
        // Worst case per char: 6 bytes (an escape) or 3 bytes of UTF-8.
        byte[] out = new byte[HEAD.length + index.length + field.length + value.length() * 6 + TAIL.length];
        int at = put(out, 0, HEAD);
        at = put(out, at, index);
        at = put(out, at, field);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c == '"' || c == '\\') {
                    out[at++] = '\\';
                    out[at++] = (byte) c;
                } else if (c >= 0x20) {
                    out[at++] = (byte) c;
                } else {
                    at = control(out, at, c);
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= value.length()
                        || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return null;
                }
                // Jackson writes characters beyond the BMP as an escaped surrogate pair.
                at = unicodeEscape(out, at, c);
                at = unicodeEscape(out, at, value.charAt(++i));
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        at = put(out, at, TAIL);
        return Arrays.copyOf(out, at);
    }

    private static int unicodeEscape(byte[] out, int at, char c) {
        out[at++] = '\\';
        out[at++] = 'u';
        out[at++] = HEX[(c >> 12) & 0xF];
        out[at++] = HEX[(c >> 8) & 0xF];
        out[at++] = HEX[(c >> 4) & 0xF];
        out[at++] = HEX[c & 0xF];
        return at;
    }

    /** Control characters as Jackson writes them: the short escapes, else {@code \\u00XX}. */
    private static int control(byte[] out, int at, char c) {
        out[at++] = '\\';
        switch (c) {
            case '\n' -> out[at++] = 'n';
            case '\r' -> out[at++] = 'r';
            case '\t' -> out[at++] = 't';
            case '\b' -> out[at++] = 'b';
            case '\f' -> out[at++] = 'f';
            default -> {
                out[at++] = 'u';
                out[at++] = '0';
                out[at++] = '0';
                out[at++] = HEX[c >> 4];
                out[at++] = HEX[c & 0xF];
            }
        }
        return at;
    }

    private static int put(byte[] target, int at, byte[] part) {
        System.arraycopy(part, 0, target, at, part.length);
        return at + part.length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
