package dev.ccbridge.core.server;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.translate.common.MessageAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What both client sinks share: folding the answer for the log, timing, the ending error. */
abstract class RecordingSink implements ClientSink {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingSink.class);

    protected final String requestId;
    private final long startNanos;
    protected final MessageAccumulator answer = new MessageAccumulator();
    private boolean answerBroken;
    private Long firstTokenMillis;
    protected ApiError error;

    RecordingSink(String requestId, long startNanos) {
        this.requestId = requestId;
        this.startNanos = startNanos;
    }

    /** Folds the event into the answer; a fold failure is our bug, logged, never the client's problem. */
    protected void record(StreamEvent event) {
        if (firstTokenMillis == null && event instanceof StreamEvent.ContentBlockDelta) {
            firstTokenMillis = (System.nanoTime() - startNanos) / 1_000_000;
        }
        if (answerBroken || event instanceof StreamEvent.Ping) {
            return;
        }
        try {
            answer.accept(event);
        } catch (IllegalStateException e) {
            answerBroken = true;
            LOG.warn("request {}: event sequence rejected by the checker: {}", requestId, e.getMessage());
        }
    }

    protected boolean answerComplete() {
        return !answerBroken && answer.isComplete();
    }

    @Override
    public ApiError error() {
        return error;
    }

    @Override
    public Long firstTokenMillis() {
        return firstTokenMillis;
    }

    @Override
    public Usage usage() {
        try {
            return answerComplete() ? answer.message().usage() : null;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    @Override
    public String summary() {
        try {
            if (error != null) {
                return Json.write(error.envelope(requestId));
            }
            return answerComplete() ? Json.write(answer.message()) : null;
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
