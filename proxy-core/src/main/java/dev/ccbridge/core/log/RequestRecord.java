package dev.ccbridge.core.log;

import dev.ccbridge.core.protocol.anthropic.Usage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One request as the request log shows it. A request ccbridge answers is published twice: when it
 * starts ({@link InFlight}) and when it ends ({@link Completed}); one it refuses itself is published
 * once, {@link Rejected}. Bodies are kept as Claude Code and the upstream sent them and redacted
 * when shown or exported; the log drops them from older entries to bound memory.
 *
 * @param routing      where the request went (after a fallback, the target that answered)
 * @param requestBody  the request as sent by Claude Code (its start only, when large; null once trimmed)
 * @param responseBody the answer folded into one message, or the error envelope
 * @param attempts     every attempt, in order, when there was more than one (retries, fallbacks)
 */
public record RequestRecord(String id, Instant startedAt, Routing routing, boolean stream, Outcome outcome,
                            byte[] requestBody, String responseBody, List<Attempt> attempts) {

    /** How Claude Code addressed ccbridge: the root URL (the active target) or a target's own URL. */
    public enum Addressed {
        ACTIVE, PINNED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Addressed of(String wireName) {
            return "pinned".equalsIgnoreCase(wireName) ? PINNED : ACTIVE;
        }
    }

    /**
     * Where a request went. A request refused before a target was found has none: its target
     * fields are null ({@link #unrouted}).
     *
     * @param apiMode        the target's API mode, by its wire name
     * @param requestedModel what Claude Code asked for
     * @param upstreamModel  what the provider was asked for
     * @param routedBy       why it went to another target than addressed (a routing rule, {@code /model}), or null
     */
    public record Routing(String targetId, String targetName, String apiMode, Addressed addressed,
                          String requestedModel, String upstreamModel, String routedBy) {
        /** A request answered by the target Claude Code addressed. */
        public Routing(String targetId, String targetName, String apiMode, Addressed addressed,
                       String requestedModel, String upstreamModel) {
            this(targetId, targetName, apiMode, addressed, requestedModel, upstreamModel, null);
        }

        /** A request refused before it reached a target (foreign Host, unknown route key, ...). */
        public static Routing unrouted(Addressed addressed) {
            return new Routing(null, null, null, addressed, null, null, null);
        }

        public boolean hasTarget() {
            return targetId != null;
        }
    }

    /** How far a request got. */
    public sealed interface Outcome permits InFlight, Ended {}

    /** Still being answered. */
    public record InFlight() implements Outcome {}

    /** Over: answered (or failed upstream), or refused by ccbridge. */
    public sealed interface Ended extends Outcome permits Completed, Rejected {
        /** The HTTP status Claude Code got. */
        int status();

        /** Why it failed, or null. */
        Failure failure();

        default boolean failed() {
            return status() >= 400 || failure() != null;
        }
    }

    /**
     * Answered by a target, one way or the other.
     *
     * @param status           the HTTP status Claude Code got (200 for a stream that failed after it
     *                         started; 499 when Claude Code went away)
     * @param failure          why the answer failed, or null
     * @param firstTokenMillis time from arrival to the first content sent, or null if none was
     * @param usage            the tokens of a complete answer, or null
     * @param costUsd          what those tokens cost in US dollars at the answering model's price, or
     *                         null when no price is known (or there were no tokens)
     */
    public record Completed(int status, Failure failure, Long firstTokenMillis, long durationMillis, Usage usage,
                            Double costUsd) implements Ended {
        /** The status of a request Claude Code abandoned (Esc, a closed connection) before the answer ended. */
        public static final int CLIENT_CLOSED = 499;

        /** An answer whose cost is not (yet) known. */
        public Completed(int status, Failure failure, Long firstTokenMillis, long durationMillis, Usage usage) {
            this(status, failure, firstTokenMillis, durationMillis, usage, null);
        }

        /** The same answer, costing this much (null: unknown). */
        public Completed withCost(Double cost) {
            return new Completed(status, failure, firstTokenMillis, durationMillis, usage, cost);
        }

        public boolean abandoned() {
            return status == CLIENT_CLOSED;
        }

        /** A failure of ccbridge or the provider; a request Claude Code itself abandoned is none. */
        public boolean countsAsError() {
            return failed() && !abandoned();
        }
    }

    /**
     * Refused by ccbridge itself, before any provider saw it: a wrong token, a foreign Host, ... The
     * same refusal repeated by the same client counts on one record ({@link RequestLog} folds them),
     * so a flood of them cannot push real requests out of the log.
     *
     * @param failure  the error the client got: its message says what was wrong and what to do (never a token)
     * @param client   the client's {@code User-Agent}, or null
     * @param endpoint the method and path asked for ({@code POST /v1/messages})
     * @param count    how many times this refusal happened (1 for one)
     * @param lastAt   when it last happened
     */
    public record Rejected(RejectionReason reason, int status, Failure failure, String client, String endpoint,
                           int count, Instant lastAt) implements Ended {
        /**
         * Whether a report that only appends ({@code serve}'s lines, the request log file) shows
         * this count: the first, then the 2nd, 4th, 8th, ..., so a flood adds a few lines, not thousands.
         */
        public boolean reportable() {
            return Integer.bitCount(count) == 1;
        }

        /** This refusal, happened once more as {@code newer}. */
        public Rejected again(Rejected newer) {
            return new Rejected(reason, newer.status, newer.failure, client, newer.endpoint, count + 1, newer.lastAt);
        }
    }

    /** An error as Claude Code saw it: the Anthropic error type and the message. */
    public record Failure(String type, String message) {}

    /**
     * One try at one target.
     *
     * @param status the status it ended with (200 for an answer that started, even if it failed later;
     *               0 for a target skipped because it could not be used)
     * @param error  why it failed, or null
     */
    public record Attempt(String targetId, int status, String error, long millis) {}

    public static final Outcome IN_FLIGHT = new InFlight();

    public RequestRecord {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** Request bodies up to this size are kept whole (the app can replay them). */
    public static final int MAX_WHOLE_BODY = 1024 * 1024;
    /** Of a larger body, the log keeps only its start: no more than the history stores. */
    public static final int BODY_PREVIEW = RequestStore.DEFAULT_BODY_CAP;

    /**
     * A request that has just started. A body over {@link #MAX_WHOLE_BODY} is kept as its first
     * {@link #BODY_PREVIEW} bytes: the log, its listeners and the history's queue never hold a
     * second copy of a 30 MB request once its exchange has ended.
     */
    public static RequestRecord started(String id, Instant startedAt, Routing routing, boolean stream,
                                        byte[] requestBody) {
        return new RequestRecord(id, startedAt, routing, stream, IN_FLIGHT, kept(requestBody), null, List.of());
    }

    /** The body itself, or the start of a large one. */
    static byte[] kept(byte[] body) {
        return body == null || body.length <= MAX_WHOLE_BODY ? body : startOf(body, BODY_PREVIEW);
    }

    /** The first {@code max} bytes of UTF-8 text or fewer: cut before a character, never inside one. */
    static byte[] startOf(byte[] body, int max) {
        int end = max;
        while (end > 0 && (body[end] & 0xC0) == 0x80) {
            end--; // a UTF-8 continuation byte: the character starts earlier
        }
        return Arrays.copyOf(body, end);
    }

    public boolean inFlight() {
        return outcome instanceof InFlight;
    }

    /** A request that ccbridge refused itself. */
    public static RequestRecord rejected(String id, Instant at, Routing routing, Rejected rejected) {
        return new RequestRecord(id, at, routing, false, rejected, null, null, List.of());
    }

    /** The outcome of a request a target answered (timing, tokens). */
    public Optional<Completed> completion() {
        return outcome instanceof Completed done ? Optional.of(done) : Optional.empty();
    }

    /** The refusal, when ccbridge refused the request itself. */
    public Optional<Rejected> rejection() {
        return outcome instanceof Rejected rejected ? Optional.of(rejected) : Optional.empty();
    }

    /** How a finished request ended (status, failure), answered or refused. */
    public Optional<Ended> ending() {
        return outcome instanceof Ended ended ? Optional.of(ended) : Optional.empty();
    }

    public boolean failed() {
        return outcome instanceof Ended ended && ended.failed();
    }

    public String targetId() {
        return routing.targetId();
    }

    public RequestRecord completed(Completed done, String response) {
        return new RequestRecord(id, startedAt, routing, stream, done, requestBody, response, attempts);
    }

    /** The same request, answered (or last tried) by another target after retries or fallbacks. */
    public RequestRecord answeredBy(Routing answered, List<Attempt> allAttempts) {
        return new RequestRecord(id, startedAt, answered, stream, outcome, requestBody, responseBody, allAttempts);
    }

    /** The same request with these bodies (e.g. read back from the history). */
    public RequestRecord withBodies(byte[] request, String response) {
        return new RequestRecord(id, startedAt, routing, stream, outcome, request, response, attempts);
    }

    public RequestRecord withoutBodies() {
        return new RequestRecord(id, startedAt, routing, stream, outcome, null, null, attempts);
    }
}
