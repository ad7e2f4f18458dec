package dev.ccbridge.core.testing;

import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.translate.common.EventSink;
import dev.ccbridge.core.translate.common.MessageAccumulator;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a translator emits and checks it as Claude Code's client would: every event goes
 * through {@link MessageAccumulator}, which throws on any illegal sequence.
 */
public final class CollectingSink implements EventSink {
    private final List<StreamEvent> events = new ArrayList<>();
    private final MessageAccumulator checker = new MessageAccumulator();
    private ApiError failure;

    @Override
    public synchronized void event(StreamEvent event) {
        if (failure != null) {
            throw new AssertionError("event after failure: " + event);
        }
        events.add(event);
        checker.accept(event);
    }

    @Override
    public synchronized void fail(ApiError error) {
        if (failure != null) {
            throw new AssertionError("second failure: " + error);
        }
        failure = error;
    }

    public synchronized List<StreamEvent> events() {
        return List.copyOf(events);
    }

    public synchronized ApiError failure() {
        return failure;
    }

    public synchronized MessageAccumulator checker() {
        return checker;
    }

    /** The events as the SSE text Claude Code would read (plus a trailing error frame on failure). */
    public synchronized String sse() {
        return SseText.render(events, failure);
    }
}
