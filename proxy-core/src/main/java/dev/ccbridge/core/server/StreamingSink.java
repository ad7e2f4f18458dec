package dev.ccbridge.core.server;

import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.sse.SseWriter;
import dev.ccbridge.core.upstream.Cancellation;
import java.io.ByteArrayOutputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;

/**
 * Sends the answer as SSE, committing the 200 only when the first event is ready, so failures
 * before it still reach Claude Code as HTTP errors it knows how to retry. Each event is written
 * and flushed as soon as it exists, except while writes are held ({@link #holdWrites}): then the
 * events one upstream read produced go out together in one write when it is released. A failed
 * write cancels the upstream call.
 */
final class StreamingSink extends RecordingSink {
    /** The answer is kept for the request log up to this many characters (it streams on regardless). */
    static final long SUMMARY_CHARS = 4L * 1024 * 1024;
    /** Held bytes beyond this are written at once rather than kept. */
    private static final int MAX_HELD = 64 * 1024;

    private final Response response;
    private final Cancellation cancellation;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream(4096);
    private int holds;
    private boolean committed;
    private boolean finished;
    private volatile long lastWriteNanos = System.nanoTime();

    StreamingSink(Response response, String requestId, long startNanos, Cancellation cancellation) {
        super(requestId, startNanos, SUMMARY_CHARS);
        this.response = response;
        this.cancellation = cancellation;
    }

    @Override
    public synchronized void event(StreamEvent event) {
        if (finished) {
            return;
        }
        record(event);
        if (!committed) {
            response.setStatus(200);
            var headers = response.getHeaders();
            headers.put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
            headers.put("X-Accel-Buffering", "no");
            committed = true;
        }
        byte[] frame = SseWriter.frame(event);
        if (holds > 0 && held.size() + frame.length <= MAX_HELD) {
            held.writeBytes(frame);
        } else {
            writeHeld();
            send(frame);
        }
    }

    @Override
    public synchronized void holdWrites() {
        holds++;
    }

    @Override
    public synchronized void releaseWrites() {
        holds = Math.max(0, holds - 1);
        if (holds == 0 && !finished) {
            writeHeld();
        }
    }

    @Override
    public synchronized void fail(ApiError failure) {
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
        writeHeld();
        send(SseWriter.frame(new StreamEvent.Error(failure.body())));
    }

    @Override
    public synchronized void settle() {
        if (!finished && !committed && error == null) {
            error = ApiError.api(502, "the upstream ended without an answer");
        }
    }

    @Override
    public synchronized void finish() {
        if (finished) {
            return;
        }
        if (!committed) {
            finished = true;
            Replies.error(response, error, requestId);
            return;
        }
        writeHeld();
        finished = true;
        Replies.write(response, true, new byte[0]);
    }

    @Override
    public synchronized int status() {
        return !committed && error != null ? error.status() : 200;
    }

    /** Nanoseconds since anything was last written, for the keep-alive. */
    long idleNanos() {
        return System.nanoTime() - lastWriteNanos;
    }

    private void writeHeld() {
        if (held.size() > 0 && !finished) {
            byte[] bytes = held.toByteArray();
            held.reset();
            send(bytes);
        }
    }

    private void send(byte[] frame) {
        try {
            Replies.write(response, false, frame);
            lastWriteNanos = System.nanoTime();
        } catch (ClientGoneException e) {
            finished = true;
            held.reset();
            cancellation.cancel();
            throw e;
        }
    }
}
