package dev.ccbridge.core.upstream.http;

import dev.ccbridge.core.target.Timeouts;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** A provider call stopped because one of its time limits passed; names which, for the message Claude Code gets. */
public final class UpstreamTimeout extends TimeoutException {
    public enum Limit { FIRST_BYTE, IDLE, TOTAL }

    private final Limit limit;
    private final Duration after;

    public UpstreamTimeout(Limit limit, Duration after) {
        super(limit + " limit of " + Timeouts.describe(after) + " passed");
        this.limit = limit;
        this.after = after;
    }

    public Limit limit() {
        return limit;
    }

    /** What Claude Code reads: which limit passed, for which target. */
    public String describe(String target) {
        return switch (limit) {
            case FIRST_BYTE -> target + " did not answer within " + Timeouts.describe(after);
            case IDLE -> target + " stopped sending data for " + Timeouts.describe(after);
            case TOTAL -> target + " did not finish within " + Timeouts.describe(after);
        };
    }

    /** The timeout in a failure's cause chain, if the failure was one. */
    public static UpstreamTimeout in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UpstreamTimeout timeout) {
                return timeout;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
