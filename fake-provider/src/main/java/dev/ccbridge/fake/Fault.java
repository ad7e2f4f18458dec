package dev.ccbridge.fake;

import dev.ccbridge.fake.Reply.Ending;
import dev.ccbridge.fake.Reply.Piece;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A misbehaviour applied to the answer the fake would give: the answer's pieces are counted as
 * the provider would send them (SSE events, event-stream frames), so "after 2" means after the
 * second event. Faults compose with {@link #then}.
 */
public sealed interface Fault {
    Reply apply(Reply answer);

    Fault NONE = new None();

    /** Combines two faults: this one first. */
    default Fault then(Fault next) {
        return new Both(this, next);
    }

    /** An error instead of the answer: the status, its content type and body, headers as "Name: value". */
    static Fault status(int status, String contentType, String body, String... headers) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            map.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        return new Replace(Reply.whole(status, contentType, body, map));
    }

    /** The given reply instead of the answer. */
    static Fault reply(Reply reply) {
        return new Replace(reply);
    }

    /** Silence before the answer starts (its status and headers too). */
    static Fault delay(Duration silence) {
        return new PauseBefore(0, silence);
    }

    /** Silence after the first {@code pieces} pieces, then the rest. */
    static Fault silenceAfter(int pieces, Duration silence) {
        return new PauseBefore(pieces, silence);
    }

    /** Every piece after the first comes this much later than the one before. */
    static Fault slowPieces(Duration interval) {
        return new Slow(interval);
    }

    /** The first {@code pieces} pieces, then nothing: the connection stays open, silent. */
    static Fault stallAfter(int pieces) {
        return new Cut(pieces, Ending.HANG);
    }

    /** The first {@code pieces} pieces, then a connection reset. */
    static Fault resetAfter(int pieces) {
        return new Cut(pieces, Ending.RESET);
    }

    /** The first {@code pieces} pieces, then the connection closes without the body's end. */
    static Fault closeAfter(int pieces) {
        return new Cut(pieces, Ending.CLOSE);
    }

    /** The first {@code pieces} pieces, then a proper end of the body: an answer cut short. */
    static Fault truncateAfter(int pieces) {
        return new Cut(pieces, Ending.COMPLETE);
    }

    /** Bytes that are no valid piece of the protocol, after the first {@code pieces} pieces. */
    static Fault garbageAfter(int pieces, String garbage) {
        return new Insert(pieces, garbage.getBytes(StandardCharsets.UTF_8));
    }

    record None() implements Fault {
        @Override
        public Reply apply(Reply answer) {
            return answer;
        }
    }

    record Both(Fault first, Fault second) implements Fault {
        @Override
        public Reply apply(Reply answer) {
            return second.apply(first.apply(answer));
        }
    }

    record Replace(Reply reply) implements Fault {
        @Override
        public Reply apply(Reply answer) {
            return reply;
        }
    }

    record PauseBefore(int index, Duration silence) implements Fault {
        @Override
        public Reply apply(Reply answer) {
            List<Piece> pieces = new ArrayList<>(answer.pieces());
            if (index < pieces.size()) {
                pieces.set(index, pieces.get(index).after(silence));
            } else {
                pieces.add(new Piece(silence, new byte[0]));
            }
            return answer.withPieces(pieces, answer.ending());
        }
    }

    record Slow(Duration interval) implements Fault {
        @Override
        public Reply apply(Reply answer) {
            List<Piece> pieces = new ArrayList<>();
            for (int i = 0; i < answer.pieces().size(); i++) {
                Piece piece = answer.pieces().get(i);
                pieces.add(i == 0 ? piece : piece.after(interval));
            }
            return answer.withPieces(pieces, answer.ending());
        }
    }

    record Cut(int keep, Ending ending) implements Fault {
        @Override
        public Reply apply(Reply answer) {
            return answer.withPieces(answer.pieces().subList(0, Math.min(keep, answer.pieces().size())), ending);
        }
    }

    record Insert(int index, byte[] bytes) implements Fault {
        @Override
        public Reply apply(Reply answer) {
            List<Piece> pieces = new ArrayList<>(answer.pieces());
            pieces.add(Math.min(index, pieces.size()), new Piece(Duration.ZERO, bytes));
            return answer.withPieces(pieces, answer.ending());
        }
    }
}
