package dev.ccbridge.core.exchange;

import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.sse.SseWriter;
import dev.ccbridge.core.upstream.Cancellation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a relayed (passthrough) answer to the client as it arrives, keeping the start of it for
 * the log, and pings a silent event stream between two events (see {@link Keepalive}). Committed
 * with the first bytes, not with the provider's headers: a provider that answers 200 and then stays
 * silent or breaks off still gets an HTTP error Claude Code can retry.
 */
final class RelaySink implements Keepalive.Pingable {
    private static final int SUMMARY_BYTES = 64 * 1024;
    private static final byte[] PING = SseWriter.frame(new StreamEvent.Ping());

    private final ClientResponse response;
    private final Cancellation cancellation;
    private final long startNanos;
    private final int status;
    private final boolean eventStream;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    /** The last bytes written, to tell whether the stream stands between two events. */
    private final byte[] tail = new byte[4];
    private int tailLength;
    private Long firstByteMillis;
    private ApiError error;
    private volatile boolean started;
    private volatile boolean finished;
    private volatile boolean betweenEvents = true;
    private volatile long lastWriteNanos = System.nanoTime();

    RelaySink(ClientResponse response, Cancellation cancellation, long startNanos, int status,
              Map<String, String> headers, boolean eventStream) {
        this.response = response;
        this.cancellation = cancellation;
        this.startNanos = startNanos;
        this.status = status;
        this.eventStream = eventStream;
        response.setStatus(status);
        headers.forEach(response::setHeader);
    }

    /** Relays a chunk of the answer and flushes it. */
    synchronized void write(byte[] bytes) {
        if (firstByteMillis == null) {
            firstByteMillis = (System.nanoTime() - startNanos) / 1_000_000;
        }
        started = true;
        if (head.size() < SUMMARY_BYTES) {
            head.write(bytes, 0, Math.min(bytes.length, SUMMARY_BYTES - head.size()));
        }
        send(bytes);
    }

    /**
     * The relayed answer broke off: an event stream ends with an {@code error} event (after a blank
     * line that ends any half-written event); a JSON answer can only end as it is.
     */
    synchronized void fail(ApiError failure) {
        error = failure;
        if (eventStream) {
            byte[] frame = SseWriter.frame(new StreamEvent.Error(failure.body()));
            byte[] out = new byte[frame.length + 2];
            out[0] = '\n';
            out[1] = '\n';
            System.arraycopy(frame, 0, out, 2, frame.length);
            send(out);
        }
    }

    /** A provider's error answer relayed unchanged (it was held while other attempts were possible). */
    synchronized void relayError(ApiError meaning, byte[] body) {
        error = meaning;
        write(body);
    }

    synchronized void finish() {
        if (!finished) {
            finished = true;
            Replies.end(response);
        }
    }

    boolean started() {
        return started;
    }

    synchronized RequestRecord.Completed completed(long durationMillis) {
        return new RequestRecord.Completed(status, error == null ? null
                : new RequestRecord.Failure(error.type(), error.message()), firstByteMillis, durationMillis, null);
    }

    synchronized String summary() {
        return head.toString(StandardCharsets.UTF_8);
    }

    /** An event stream, silent long enough, between two events. Lock-free, for the keep-alive timer. */
    @Override
    public boolean silentFor(long nanos) {
        return started && eventStream && !finished && status < 300 && betweenEvents
                && System.nanoTime() - lastWriteNanos >= nanos;
    }

    /** Keeps a silent relayed stream alive with a {@code ping} event, never inside a half-relayed event. */
    @Override
    public synchronized void pingIfSilent(long nanos) {
        if (silentFor(nanos)) {
            send(PING);
        }
    }

    private void send(byte[] bytes) {
        try {
            Replies.write(response, bytes);
            remember(bytes);
            lastWriteNanos = System.nanoTime();
        } catch (ClientGoneException e) {
            finished = true;
            cancellation.cancel();
            throw e;
        }
    }

    private void remember(byte[] bytes) {
        for (int i = Math.max(0, bytes.length - tail.length); i < bytes.length; i++) {
            if (tailLength == tail.length) {
                System.arraycopy(tail, 1, tail, 0, tail.length - 1);
                tailLength--;
            }
            tail[tailLength++] = bytes[i];
        }
        betweenEvents = atEventBoundary();
    }

    /** The bytes so far end with a blank line (LF LF, CR CR, or CRLF CRLF): no event is half written. */
    private boolean atEventBoundary() {
        if (tailLength == 0) {
            return true;
        }
        byte last = tail[tailLength - 1];
        byte before = tailLength >= 2 ? tail[tailLength - 2] : 0;
        return last == '\n' && (before == '\n' || tailLength == 4 && tail[0] == '\r' && tail[1] == '\n'
                && tail[2] == '\r') || last == '\r' && before == '\r';
    }
}
