package dev.ccbridge.core.translate.common;

import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;

/**
 * Where translated Anthropic events go: the client's SSE stream, or a fold into one message.
 * {@link #fail} ends the answer with an error; the sink decides between an HTTP status (nothing
 * sent yet, or a non-streaming client) and an SSE {@code error} event.
 */
public interface EventSink {
    void event(StreamEvent event);

    void fail(ApiError error);

    /**
     * Events until the matching {@link #releaseWrites()} may be written together (one network
     * write for what one upstream read produced). Sinks that do no I/O ignore it.
     */
    default void holdWrites() {
    }

    /** Writes whatever was held, now. */
    default void releaseWrites() {
    }
}
