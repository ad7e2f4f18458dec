package dev.ccbridge.core.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Removes known secrets from bytes relayed as they arrive, even a secret split across two reads.
 * Only the bytes at the end of a read that could begin a secret are held back until the next
 * read (or {@link #finish}); anything else goes out at once, so streaming is not delayed.
 */
public final class StreamScrubber {
    private static final byte[] MASK = Redactor.MASK.getBytes(StandardCharsets.UTF_8);

    private final List<byte[]> secrets;
    private byte[] held = new byte[0];

    StreamScrubber(Collection<String> secrets) {
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The bytes safe to send now. */
    public byte[] feed(byte[] bytes, int offset, int length) {
        if (secrets.isEmpty()) {
            return Arrays.copyOfRange(bytes, offset, offset + length);
        }
        byte[] joined = new byte[held.length + length];
        System.arraycopy(held, 0, joined, 0, held.length);
        System.arraycopy(bytes, offset, joined, held.length, length);
        byte[] scrubbed = replaceAll(joined);
        int keep = possibleSecretStart(scrubbed);
        held = Arrays.copyOfRange(scrubbed, scrubbed.length - keep, scrubbed.length);
        return Arrays.copyOf(scrubbed, scrubbed.length - keep);
    }

    /** What was held back, at the end of the stream. */
    public byte[] finish() {
        byte[] rest = held;
        held = new byte[0];
        return rest;
    }

    private byte[] replaceAll(byte[] in) {
        byte[] out = in;
        for (byte[] secret : secrets) {
            out = replace(out, secret);
        }
        return out;
    }

    private static byte[] replace(byte[] in, byte[] secret) {
        int at = indexOf(in, secret, 0);
        if (at < 0) {
            return in;
        }
        var out = new ByteArrayOutputStream(in.length);
        int from = 0;
        while (at >= 0) {
            out.write(in, from, at - from);
            out.writeBytes(MASK);
            from = at + secret.length;
            at = indexOf(in, secret, from);
        }
        out.write(in, from, in.length - from);
        return out.toByteArray();
    }

    /** How many bytes at the end could be the start of a secret (held back for the next read). */
    private int possibleSecretStart(byte[] bytes) {
        int longest = 0;
        for (byte[] secret : secrets) {
            for (int k = Math.min(secret.length - 1, bytes.length); k > longest; k--) {
                if (Arrays.equals(bytes, bytes.length - k, bytes.length, secret, 0, k)) {
                    longest = k;
                    break;
                }
            }
        }
        return longest;
    }

    private static int indexOf(byte[] in, byte[] secret, int from) {
        outer:
        for (int i = from; i <= in.length - secret.length; i++) {
            for (int j = 0; j < secret.length; j++) {
                if (in[i + j] != secret[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
