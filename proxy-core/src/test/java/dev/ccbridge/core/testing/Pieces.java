package dev.ccbridge.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Feeds bytes in pieces, cut where a property test says, then the rest: as network reads split a stream. */
public final class Pieces {
    private Pieces() {}

    /** Takes one piece. */
    @FunctionalInterface
    public interface Feeder {
        void feed(byte[] bytes, int offset, int length);
    }

    /** The pieces themselves, for a reader that takes one per read. */
    public static List<byte[]> of(byte[] bytes, List<Integer> cuts) {
        List<byte[]> pieces = new ArrayList<>();
        feed(bytes, cuts, (all, offset, length) -> pieces.add(Arrays.copyOfRange(all, offset, offset + length)));
        return pieces;
    }

    public static void feed(byte[] bytes, List<Integer> cuts, Feeder feeder) {
        int at = 0;
        for (int cut : cuts) {
            int length = Math.min(cut, bytes.length - at);
            feeder.feed(bytes, at, length);
            at += length;
        }
        feeder.feed(bytes, at, bytes.length - at);
    }
}
