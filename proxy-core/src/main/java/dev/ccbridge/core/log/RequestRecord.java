package dev.ccbridge.core.log;

import dev.ccbridge.core.protocol.anthropic.Usage;
import java.time.Instant;

/**
 * One request as the request log shows it. Published twice: when it starts ({@code status == 0})
 * and when it ends. Bodies are kept as Claude Code and the upstream sent them and redacted when
 * shown or exported; the log drops them from older entries to bound memory.
 *
 * @param route            {@code active} (root URL) or {@code pinned} (per-target URL)
 * @param firstTokenMillis time from arrival to the first content sent to the client; null if none
 * @param requestBody      the request as sent by Claude Code (may be null once trimmed)
 * @param responseBody     the answer folded into one message, or the error envelope
 */
public record RequestRecord(String id, Instant startedAt, String targetId, String targetName, String apiMode,
                            String route, String requestedModel, String upstreamModel, boolean stream, int status,
                            String errorType, String errorMessage, Long firstTokenMillis, Long durationMillis,
                            Usage usage, byte[] requestBody, String responseBody) {

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
                requestBody, response);
    }

    public RequestRecord withoutBodies() {
        return new RequestRecord(id, startedAt, targetId, targetName, apiMode, route, requestedModel, upstreamModel,
                stream, status, errorType, errorMessage, firstTokenMillis, durationMillis, usage, null, null);
    }
}
