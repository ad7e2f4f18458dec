package dev.ccbridge.core.log;

import java.util.Locale;

/** What was wrong with a request ccbridge refused itself, before any provider saw it. */
public enum RejectionReason {
    /** Addressed to a name other than localhost (DNS rebinding). */
    FOREIGN_HOST,
    /** Sent by a web page (it carries an {@code Origin}). */
    WEB_PAGE,
    UNKNOWN_ENDPOINT,
    /** A target's own URL whose route key no target has (edited or removed). */
    UNKNOWN_ROUTE_KEY,
    NO_ACTIVE_TARGET,
    MISSING_TOKEN,
    WRONG_TOKEN,
    WRONG_METHOD,
    BODY_TOO_LARGE,
    HEADERS_TOO_LARGE,
    UNREADABLE_BODY,
    /** Readable, but not a request Anthropic's API would take (not JSON, a field missing). */
    INVALID_BODY,
    /** Not even HTTP Jetty could parse. */
    MALFORMED_REQUEST,
    /** A reason a newer ccbridge wrote into the history. */
    OTHER;

    /** The name in the history and in exports: {@code wrong_token}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RejectionReason of(String wireName) {
        for (RejectionReason reason : values()) {
            if (reason.wireName().equals(wireName)) {
                return reason;
            }
        }
        return OTHER;
    }
}
