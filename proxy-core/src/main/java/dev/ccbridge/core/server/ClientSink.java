package dev.ccbridge.core.server;

import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.translate.common.EventSink;

/** The client's side of one messages exchange: SSE or one JSON reply. */
interface ClientSink extends EventSink {
    /** Decides the final outcome once the upstream is done (no I/O), so it can be logged first. */
    void settle();

    /** Completes the HTTP response (after {@link #settle}). */
    void finish();

    /** The status the client got (200 for a stream that later failed). */
    int status();

    /** The error that ended the answer, if one did. */
    ApiError error();

    /** Milliseconds from the request's arrival to the first content sent, or null. */
    Long firstTokenMillis();

    Usage usage();

    /** The answer as one message, or the error envelope, for the request log. */
    String summary();
}
