package dev.ccbridge.core.exchange;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.Delta;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.stream.MessageAccumulator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a translated answer goes: Claude Code's response, as SSE ({@link SseSink}) or as one JSON
 * message ({@link JsonSink}). Both fold the answer as it passes (for the log, or as the reply) and
 * keep its timing, usage and ending error. The fold is bounded: past {@code foldLimit} characters of
 * content it stops ({@link #overflowed}), so a runaway answer cannot fill the memory.
 */
abstract sealed class EventSink permits SseSink, JsonSink {
    private static final Logger LOG = LoggerFactory.getLogger(EventSink.class);

    protected final String requestId;
    private final long startNanos;
    private final long foldLimit;
    protected final MessageAccumulator answer = new MessageAccumulator();
    private boolean received;
    private boolean answerBroken;
    private boolean overflowed;
    private long foldedChars;
    private Usage usage;
    private boolean stopped;
    private Long firstTokenMillis;
    protected ApiError error;

    EventSink(String requestId, long startNanos, long foldLimit) {
        this.requestId = requestId;
        this.startNanos = startNanos;
        this.foldLimit = foldLimit;
    }

    /** The events one upstream read produced; from the first, the answer belongs to this attempt. */
    abstract void send(List<StreamEvent> events);

    /** Ends the answer with an error: an HTTP status if nothing was sent yet, else an SSE {@code error} event. */
    abstract void fail(ApiError failure);

    /** Decides the final outcome once the upstream is done (no I/O), so it can be logged first. */
    abstract void settle();

    /** Completes the HTTP response (after {@link #settle}). */
    abstract void finish();

    /** The status the client got (200 for a stream that later failed). */
    abstract int status();

    /** The error that ended the answer, or null. */
    synchronized ApiError error() {
        return error;
    }

    /** Whether any event of an answer arrived (so a failure can no longer be tried again elsewhere). */
    synchronized boolean started() {
        return received;
    }

    /** How the request ended, for the log. */
    synchronized RequestRecord.Completed completed(long durationMillis) {
        return new RequestRecord.Completed(status(), error == null ? null : new RequestRecord.Failure(error.type(),
                error.message()), firstTokenMillis, durationMillis, stopped && error == null ? usage : null);
    }

    /** The answer as one message, or the error envelope, for the request log. */
    synchronized String summary() {
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

    /** Folds the event into the answer; a fold failure is our bug, logged, never the client's problem. */
    protected void record(StreamEvent event) {
        received = true;
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
        LOG.debug("request {}: answer longer than {} characters; not kept for the log", requestId, foldLimit);
    }

    protected boolean answerComplete() {
        return !answerBroken && answer.isComplete();
    }

    private static long size(Delta delta) {
        return switch (delta) {
            case Delta.Text t -> t.text().length();
            case Delta.Thinking t -> t.thinking().length();
            case Delta.Signature s -> s.signature().length();
            case Delta.InputJson j -> j.partialJson().length();
            case Delta.Citations c -> c.citation().citedText() == null ? 0 : c.citation().citedText().length();
        };
    }
}
