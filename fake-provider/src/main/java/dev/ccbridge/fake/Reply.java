package dev.ccbridge.fake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fake sends back: a status, headers, the body in pieces (each written and flushed on
 * its own, after its pause), and how the exchange ends.
 */
public record Reply(int status, Map<String, String> headers, List<Piece> pieces, Ending ending) {
    /** One write. */
    public record Piece(Duration pause, byte[] bytes) {
        public static Piece of(String text) {
            return new Piece(Duration.ZERO, text.getBytes(StandardCharsets.UTF_8));
        }

        /** {@code text}, written {@code millis} after the piece before it. */
        public static Piece after(long millis, String text) {
            return of(text).after(Duration.ofMillis(millis));
        }

        public Piece after(Duration wait) {
            return new Piece(wait, bytes);
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** How the exchange ends after the last piece. */
    public enum Ending {
        /** The body's proper end. */
        COMPLETE,
        /** Nothing more: the fake waits until the caller or the fake itself gives up. */
        HANG,
        /** The connection is reset (TCP RST), as a crashed server or a middlebox does. */
        RESET,
        /** The connection is closed without the body's end (a cut chunked body). */
        CLOSE
    }

    public Reply {
        headers = Map.copyOf(headers);
        pieces = List.copyOf(pieces);
    }

    public static Reply json(int status, String body) {
        return whole(status, "application/json", body, Map.of());
    }

    public static Reply whole(int status, String contentType, String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (contentType != null) {
            all.put("Content-Type", contentType);
        }
        List<Piece> pieces = body.isEmpty() ? List.of() : List.of(Piece.of(body));
        return new Reply(status, all, pieces, Ending.COMPLETE);
    }

    /** An event stream of texts, each its own write. */
    public static Reply sse(List<String> events) {
        return new Reply(200, Map.of("Content-Type", "text/event-stream"), events.stream().map(Piece::of).toList(),
                Ending.COMPLETE);
    }

    /** An event stream written piece by piece, each after its pause. */
    public static Reply sseTimed(List<Piece> pieces) {
        return new Reply(200, Map.of("Content-Type", "text/event-stream"), pieces, Ending.COMPLETE);
    }

    public static Reply stream(String contentType, List<byte[]> chunks) {
        return new Reply(200, Map.of("Content-Type", contentType),
                chunks.stream().map(bytes -> new Piece(Duration.ZERO, bytes)).toList(), Ending.COMPLETE);
    }

    public Reply withPieces(List<Piece> replaced, Ending end) {
        return new Reply(status, headers, replaced, end);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Reply(status, all, pieces, ending);
    }

    /** The pieces as texts (an event stream's events). */
    public List<String> texts() {
        List<String> texts = new ArrayList<>();
        pieces.forEach(piece -> texts.add(piece.text()));
        return texts;
    }

    /** The whole body as text. */
    public String body() {
        return String.join("", texts());
    }
}
