package dev.ccbridge.core.server;

import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.translate.common.EventSink;

/**
 * The client's sink as one attempt sees it: events go straight through (the first one commits the
 * answer to this attempt), but a failure reported before any event is held, not sent, so the
 * {@link Failover} loop can still try again or elsewhere. A failure after the first event goes
 * through too: from then on the answer belongs to this attempt.
 */
final class AttemptSink implements EventSink {
    private final EventSink client;
    private boolean forwarded;
    private ApiError held;

    AttemptSink(EventSink client) {
        this.client = client;
    }

    @Override
    public void event(StreamEvent event) {
        synchronized (this) {
            forwarded = true;
        }
        client.event(event);
    }

    @Override
    public void fail(ApiError error) {
        synchronized (this) {
            if (!forwarded) {
                if (held == null) {
                    held = error;
                }
                return;
            }
        }
        client.fail(error);
    }

    @Override
    public void holdWrites() {
        client.holdWrites();
    }

    @Override
    public void releaseWrites() {
        client.releaseWrites();
    }

    /** Whether anything of this attempt's answer went to the client. */
    synchronized boolean forwarded() {
        return forwarded;
    }

    /** The failure this attempt reported before answering anything, or null. */
    synchronized ApiError held() {
        return held;
    }
}
