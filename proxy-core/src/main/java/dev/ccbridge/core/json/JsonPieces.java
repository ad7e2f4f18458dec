package dev.ccbridge.core.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Compact JSON written once into pieces that an HTTP client sends one after another. A body of
 * tens of megabytes (images in a conversation) is never joined into one more array: that copy,
 * and the moment both exist, is what {@link Json#bytes} costs.
 */
public final class JsonPieces extends OutputStream {
    private static final int FIRST = 8 * 1024;
    private static final int LARGEST = 1024 * 1024;

    private final List<ByteBuffer> pieces = new ArrayList<>();
    private byte[] current = new byte[FIRST];
    private int used;

    private JsonPieces() {}

    /** {@code value} as JSON, in pieces of growing size (8 KiB up to 1 MiB), the last one partly filled. */
    public static List<ByteBuffer> of(Object value) {
        var out = new JsonPieces();
        try {
            Json.WIRE.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
        out.pieces.add(ByteBuffer.wrap(out.current, 0, out.used));
        return List.copyOf(out.pieces);
    }

    @Override
    public void write(int b) {
        if (used == current.length) {
            next();
        }
        current[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            if (used == current.length) {
                next();
            }
            int n = Math.min(length, current.length - used);
            System.arraycopy(bytes, offset, current, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    private void next() {
        pieces.add(ByteBuffer.wrap(current));
        current = new byte[Math.min(LARGEST, current.length * 2)];
        used = 0;
    }
}
