package dev.ccbridge.core.server;

import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.RawRelay;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.eclipse.jetty.server.Response;

/** Writes a passthrough answer to the client as it arrives, keeping the start of it for the log. */
final class ResponseRelay implements RawRelay {
    private static final int SUMMARY_BYTES = 64 * 1024;

    private final Response response;
    private final Cancellation cancellation;
    private final long startNanos;
    private int status;
    private boolean started;
    private boolean finished;
    private Long firstByteMillis;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();

    ResponseRelay(Response response, Cancellation cancellation, long startNanos) {
        this.response = response;
        this.cancellation = cancellation;
        this.startNanos = startNanos;
    }

    @Override
    public synchronized void start(int upstreamStatus, Map<String, String> headers) {
        status = upstreamStatus;
        response.setStatus(upstreamStatus);
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        started = true;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (firstByteMillis == null) {
            firstByteMillis = (System.nanoTime() - startNanos) / 1_000_000;
        }
        if (head.size() < SUMMARY_BYTES) {
            head.write(bytes, offset, Math.min(length, SUMMARY_BYTES - head.size()));
        }
        try {
            // The write completes before it returns, so the caller's buffer is sent as it is.
            Replies.write(response, false, bytes, offset, length);
        } catch (ClientGoneException e) {
            finished = true;
            cancellation.cancel();
            throw e;
        }
    }

    @Override
    public synchronized boolean started() {
        return started;
    }

    synchronized void finish() {
        if (!finished) {
            finished = true;
            Replies.write(response, true, new byte[0]);
        }
    }

    synchronized int status() {
        return status;
    }

    synchronized Long firstByteMillis() {
        return firstByteMillis;
    }

    synchronized String head() {
        return head.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
