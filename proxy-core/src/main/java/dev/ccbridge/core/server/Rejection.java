package dev.ccbridge.core.server;

import dev.ccbridge.core.log.RejectionReason;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.target.Target;

/**
 * A request the gateway refuses before answering it (foreign Host, web page Origin, missing or
 * wrong token, wrong method, unknown route, unreadable body), with the error reply to give and
 * what the request log says about it ({@link RejectedRequests}).
 */
final class Rejection extends Exception {
    final transient ApiError error;
    final RejectionReason reason;
    /** For the log only: more about what was sent (whose token it was), never a token; or null. */
    final String detail;
    /** The target the request was for, when one was found before the refusal; or null. */
    final transient Target target;

    Rejection(RejectionReason reason, ApiError error) {
        this(reason, error, null, null);
    }

    Rejection(RejectionReason reason, ApiError error, String detail) {
        this(reason, error, detail, null);
    }

    private Rejection(RejectionReason reason, ApiError error, String detail, Target target) {
        super(error.message(), null, false, false);
        this.reason = reason;
        this.error = error;
        this.detail = detail;
        this.target = target;
    }

    /** A body that is not a messages request Anthropic's API would take (400). */
    static Rejection invalidBody(String problem) {
        return new Rejection(RejectionReason.INVALID_BODY, ApiError.invalidRequest(problem));
    }

    /** The same refusal, of a request for {@code addressed}. */
    Rejection about(Target addressed) {
        return addressed == null || target != null ? this : new Rejection(reason, error, detail, addressed);
    }
}
