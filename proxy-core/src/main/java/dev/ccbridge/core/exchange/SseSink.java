package dev.ccbridge.core.exchange;

import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.sse.SseWriter;
import dev.ccbridge.core.upstream.Cancellation;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Sends the answer as SSE, committing the 200 only when the first event is ready, so failures
 * before it still reach Claude Code as HTTP errors it knows how to retry. The events of one
 * upstream read go out in one write, flushed at once. A failed write cancels the upstream call.
 * Pings a silent stream (see {@link Keepalive}); writes and pings never interleave.
 */
final class SseSink extends EventSink implements Keepalive.Pingable {
    /** The answer is kept for the request log up to this many characters (it streams on regardless). */
    static final long SUMMARY_CHARS = 4L * 1024 * 1024;
    private static final byte[] PING = SseWriter.frame(new StreamEvent.Ping());

    private final ClientResponse response;
    private final Cancellation cancellation;
    private final ByteArrayOutputStream frames = new ByteArrayOutputStream(4096);
    private volatile boolean committed;
    private volatile boolean finished;
    /** {@code message_stop} or an {@code error} event went out: nothing may follow, not even a ping. */
    private volatile boolean ended;
    private volatile long lastWriteNanos = System.nanoTime();

    SseSink(ClientResponse response, String requestId, long startNanos, Cancellation cancellation) {
        super(requestId, startNanos, SUMMARY_CHARS);
        this.response = response;
        this.cancellation = cancellation;
    }

    @Override
    synchronized void send(List<StreamEvent> events) {
        if (finished || events.isEmpty()) {
            return;
        }
        for (StreamEvent event : events) {
            record(event);
            frames.writeBytes(SseWriter.frame(event));
            ended |= event instanceof StreamEvent.MessageStop;
        }
        commit();
        byte[] bytes = frames.toByteArray();
        frames.reset();
        write(bytes);
    }

    @Override
    synchronized void fail(ApiError failure) {
        if (finished) {
            return;
        }
        error = failure;
        if (!committed) {
            finished = true;
            try {
                Replies.error(response, failure, requestId);
            } catch (ClientGoneException e) {
                cancellation.cancel();
            }
            return;
        }
        ended = true;
        write(SseWriter.frame(new StreamEvent.Error(failure.body())));
    }

    @Override
    synchronized void settle() {
        if (!finished && !committed && error == null) {
            error = ApiError.api(502, "the upstream ended without an answer");
        }
    }

    @Override
    synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (!committed) {
            Replies.error(response, error, requestId);
            return;
        }
        Replies.end(response);
    }

    @Override
    synchronized int status() {
        return !committed && error != null ? error.status() : 200;
    }

    /** Lock-free, for the keep-alive timer: an answer under way that has been silent long enough. */
    @Override
    public boolean silentFor(long nanos) {
        return committed && !ended && !finished && System.nanoTime() - lastWriteNanos >= nanos;
    }

    @Override
    public synchronized void pingIfSilent(long nanos) {
        if (silentFor(nanos)) {
            write(PING);
        }
    }

    private void commit() {
        if (!committed) {
            response.setStatus(200);
            response.setHeader("Content-Type", "text/event-stream; charset=utf-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no");
            committed = true;
        }
    }

    private void write(byte[] bytes) {
        try {
            Replies.write(response, bytes);
            lastWriteNanos = System.nanoTime();
        } catch (ClientGoneException e) {
            finished = true;
            cancellation.cancel();
            throw e;
        }
    }
}
