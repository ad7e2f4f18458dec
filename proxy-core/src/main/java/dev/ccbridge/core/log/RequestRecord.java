package dev.ccbridge.core.log;

import dev.ccbridge.core.protocol.anthropic.Usage;
import java.time.Instant;
import java.util.List;

/**
 * One request as the request log shows it. Published twice: when it starts ({@code status == 0})
 * and when it ends. Bodies are kept as Claude Code and the upstream sent them and redacted when
 * shown or exported; the log drops them from older entries to bound memory.
 *
 * @param targetId         the target that answered (after a fallback, not the one first asked)
 * @param route            {@code active} (root URL) or {@code pinned} (per-target URL)
 * @param firstTokenMillis time from arrival to the first content sent to the client; null if none
 * @param requestBody      the request as sent by Claude Code (may be null once trimmed)
 * @param responseBody     the answer folded into one message, or the error envelope
 * @param attempts         every attempt, in order, when there was more than one (retries, fallbacks)
 */
public record RequestRecord(String id, Instant startedAt, String targetId, String targetName, String apiMode,
                            String route, String requestedModel, String upstreamModel, boolean stream, int status,
                            String errorType, String errorMessage, Long firstTokenMillis, Long durationMillis,
                            Usage usage, byte[] requestBody, String responseBody, List<Attempt> attempts) {

    /**
     * One try at one target.
     *
     * @param status the status it ended with (200 for an answer that started, even if it failed later;
     *               0 for a target skipped because it could not be used)
     * @param error  why it failed, or null
     */
    public record Attempt(String targetId, int status, String error, long millis) {}

    public RequestRecord {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** A record without attempts (a request answered at the first try). */
    public RequestRecord(String id, Instant startedAt, String targetId, String targetName, String apiMode,
                         String route, String requestedModel, String upstreamModel, boolean stream, int status,
                         String errorType, String errorMessage, Long firstTokenMillis, Long durationMillis,
                         Usage usage, byte[] requestBody, String responseBody) {
        this(id, startedAt, targetId, targetName, apiMode, route, requestedModel, upstreamModel, stream, status,
                errorType, errorMessage, firstTokenMillis, durationMillis, usage, requestBody, responseBody, List.of());
    }

    public boolean inFlight() {
        return status == 0;
    }

    public boolean failed() {
        return status >= 400 || errorType != null;
    }

    public RequestRecord completed(int finalStatus, String finalErrorType, String finalErrorMessage,
                                   Long firstToken, long duration, Usage finalUsage, String response) {
        return new RequestRecord(id, startedAt, targetId, targetName, apiMode, route, requestedModel, upstreamModel,
                stream, finalStatus, finalErrorType, finalErrorMessage, firstToken, duration, finalUsage,
                requestBody, response, attempts);
    }

    /** The same request, answered (or last tried) by another target after retries or fallbacks. */
    public RequestRecord answeredBy(String newTargetId, String newTargetName, String newApiMode,
                                    String newUpstreamModel, List<Attempt> allAttempts) {
        return new RequestRecord(id, startedAt, newTargetId, newTargetName, newApiMode, route, requestedModel,
                newUpstreamModel, stream, status, errorType, errorMessage, firstTokenMillis, durationMillis, usage,
                requestBody, responseBody, allAttempts);
    }

    public RequestRecord withoutBodies() {
        return new RequestRecord(id, startedAt, targetId, targetName, apiMode, route, requestedModel, upstreamModel,
                stream, status, errorType, errorMessage, firstTokenMillis, durationMillis, usage, null, null, attempts);
    }
}
