package dev.ccbridge.core.translate;

import dev.ccbridge.core.sse.SseEvent;
import dev.ccbridge.core.stream.EventSequencer;
import dev.ccbridge.core.stream.StreamFailure;

/**
 * Turns one upstream answer into Anthropic events on a {@link EventSequencer}. One object per
 * answer; no I/O. Failures are thrown as {@link StreamFailure} for the caller to map and report.
 */
public interface StreamTranslator {
    /** One server-sent event of a streamed answer. */
    void onEvent(SseEvent event);

    /** A whole answer the upstream sent without streaming (JSON body). */
    void onBody(byte[] body);

    /** The upstream closed the stream; ends the message, or fails if it was cut short. */
    void onEnd();
}
