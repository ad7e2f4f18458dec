package dev.ccbridge.core.log;

import dev.ccbridge.core.protocol.anthropic.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One request as the request log shows it. Published twice: when it starts ({@link InFlight}) and
 * when it ends ({@link Completed}). Bodies are kept as Claude Code and the upstream sent them and
 * redacted when shown or exported; the log drops them from older entries to bound memory.
 *
 * @param routing      where the request went (after a fallback, the target that answered)
 * @param requestBody  the request as sent by Claude Code (null once trimmed)
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
     * Where a request went.
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
    }

    /** How far a request got. */
    public sealed interface Outcome permits InFlight, Completed {}

    /** Still being answered. */
    public record InFlight() implements Outcome {}

    /**
     * Done, one way or the other.
     *
     * @param status           the HTTP status Claude Code got (200 for a stream that failed after it
     *                         started; 499 when Claude Code went away)
     * @param failure          why the answer failed, or null
     * @param firstTokenMillis time from arrival to the first content sent, or null if none was
     * @param usage            the tokens of a complete answer, or null
     */
    public record Completed(int status, Failure failure, Long firstTokenMillis, long durationMillis, Usage usage)
            implements Outcome {
        /** The status of a request Claude Code abandoned (Esc, a closed connection) before the answer ended. */
        public static final int CLIENT_CLOSED = 499;

        public boolean failed() {
            return status >= 400 || failure != null;
        }

        public boolean abandoned() {
            return status == CLIENT_CLOSED;
        }

        /** A failure of ccbridge or the provider; a request Claude Code itself abandoned is none. */
        public boolean countsAsError() {
            return failed() && !abandoned();
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

    /** A request that has just started. */
    public static RequestRecord started(String id, Instant startedAt, Routing routing, boolean stream,
                                        byte[] requestBody) {
        return new RequestRecord(id, startedAt, routing, stream, IN_FLIGHT, requestBody, null, List.of());
    }

    public boolean inFlight() {
        return outcome instanceof InFlight;
    }

    /** The outcome of a finished request. */
    public Optional<Completed> completion() {
        return outcome instanceof Completed done ? Optional.of(done) : Optional.empty();
    }

    public boolean failed() {
        return outcome instanceof Completed done && done.failed();
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

    public RequestRecord withoutBodies() {
        return new RequestRecord(id, startedAt, routing, stream, outcome, null, null, attempts);
    }
}
