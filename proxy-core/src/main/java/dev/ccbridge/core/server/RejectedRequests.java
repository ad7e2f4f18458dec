package dev.ccbridge.core.server;

import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.log.RejectionReason;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.target.Target;
import java.time.Instant;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Puts each request the gateway refuses into the request log, so a wrong token or a foreign Host
 * shows where the user looks (the app's log, the history, {@code serve}'s lines): what was wrong,
 * what to do (the error's message), who sent it and what it asked for; never a token.
 */
final class RejectedRequests {
    private static final int MAX_CLIENT_CHARS = 120;
    private static final int MAX_ENDPOINT_CHARS = 200;
    private static final Redactor REDACTOR = Redactor.patternsOnly();

    private final RequestLog log;

    RejectedRequests(RequestLog log) {
        this.log = log;
    }

    void record(Request request, String requestId, Rejection rejection) {
        record(request, requestId, rejection.reason, rejection.error, rejection.detail, rejection.target);
    }

    void record(Request request, String requestId, RejectionReason reason, ApiError error, String detail,
                Target target) {
        Instant now = Instant.now();
        String path = request.getHttpURI() == null ? null : Request.getPathInContext(request);
        var addressed = path != null && Route.parse(path).pinned()
                ? RequestRecord.Addressed.PINNED : RequestRecord.Addressed.ACTIVE;
        RequestRecord.Routing routing = target == null ? RequestRecord.Routing.unrouted(addressed)
                : new RequestRecord.Routing(target.id(), target.displayName(), target.apiMode().wireName(), addressed,
                null, null);
        String message = detail == null ? error.message() : error.message() + "; " + detail;
        var rejected = new RequestRecord.Rejected(reason, error.status(),
                new RequestRecord.Failure(error.type(), REDACTOR.redact(message)),
                shown(request.getHeaders().get(HttpHeader.USER_AGENT), MAX_CLIENT_CHARS),
                shown(request.getMethod() + " " + (path == null ? "?" : path), MAX_ENDPOINT_CHARS), 1, now);
        log.publish(RequestRecord.rejected(requestId, now, routing, rejected));
    }

    /** Client-chosen text, redacted and cut, so it neither leaks a key nor bloats the log. */
    private static String shown(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String redacted = REDACTOR.redact(text.strip());
        return redacted.length() <= max ? redacted : redacted.substring(0, max) + "...";
    }
}
