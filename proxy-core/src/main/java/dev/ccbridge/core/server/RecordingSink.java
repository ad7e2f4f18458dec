package dev.ccbridge.core.server;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.Delta;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.translate.common.MessageAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both client sinks share: folding the answer (for the log, or as the reply), timing, usage,
 * the ending error. The fold is bounded: past {@code foldLimit} characters of content it stops
 * ({@link #overflowed}), so a runaway answer cannot fill the memory.
 */
abstract class RecordingSink implements ClientSink {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingSink.class);

    protected final String requestId;
    private final long startNanos;
    private final long foldLimit;
    protected final MessageAccumulator answer = new MessageAccumulator();
    private boolean answerBroken;
    private boolean overflowed;
    private long foldedChars;
    private Usage usage;
    private boolean stopped;
    private Long firstTokenMillis;
    protected ApiError error;

    RecordingSink(String requestId, long startNanos, long foldLimit) {
        this.requestId = requestId;
        this.startNanos = startNanos;
        this.foldLimit = foldLimit;
    }

    /** Folds the event into the answer; a fold failure is our bug, logged, never the client's problem. */
    protected void record(StreamEvent event) {
        switch (event) {
            case StreamEvent.ContentBlockDelta d -> {
                if (firstTokenMillis == null) {
                    firstTokenMillis = (System.nanoTime() - startNanos) / 1_000_000;
                }
                foldedChars += size(d.delta());
            }
            case StreamEvent.MessageStart s -> usage = s.message().usage();
            case StreamEvent.MessageDelta d when d.usage() != null -> usage = d.usage();
            case StreamEvent.MessageStop s -> stopped = true;
            default -> { }
        }
        if (answerBroken || event instanceof StreamEvent.Ping) {
            return;
        }
        if (foldedChars > foldLimit) {
            answerBroken = true;
            overflowed = true;
            onOverflow();
            return;
        }
        try {
            answer.accept(event);
        } catch (IllegalStateException e) {
            answerBroken = true;
            LOG.warn("request {}: event sequence rejected by the checker: {}", requestId, e.getMessage());
        }
    }

    /** The answer outgrew the fold; the streaming sink only stops keeping it, the folding one fails. */
    protected void onOverflow() {
        LOG.info("request {}: answer longer than {} characters; not kept for the log", requestId, foldLimit);
    }

    protected boolean answerComplete() {
        return !answerBroken && answer.isComplete();
    }

    protected boolean overflowed() {
        return overflowed;
    }

    protected long foldLimit() {
        return foldLimit;
    }

    @Override
    public ApiError error() {
        return error;
    }

    @Override
    public Long firstTokenMillis() {
        return firstTokenMillis;
    }

    /** The usage of a complete answer (reported even when the answer itself was too long to keep). */
    @Override
    public Usage usage() {
        return stopped && error == null ? usage : null;
    }

    @Override
    public String summary() {
        try {
            if (error != null) {
                return Json.write(error.envelope(requestId));
            }
            if (overflowed) {
                return "(answer longer than " + foldLimit + " characters, not kept)";
            }
            return answerComplete() ? Json.write(answer.message()) : null;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static long size(Delta delta) {
        return switch (delta) {
            case Delta.Text t -> t.text().length();
            case Delta.Thinking t -> t.thinking().length();
            case Delta.Signature s -> s.signature().length();
            case Delta.InputJson j -> j.partialJson().length();
        };
    }
}
