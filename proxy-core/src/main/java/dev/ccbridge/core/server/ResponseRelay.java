package dev.ccbridge.core.server;

import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.sse.SseWriter;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.RawRelay;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.Response;

/**
 * Writes a passthrough answer to the client as it arrives, keeping the start of it for the log,
 * and pings a silent event stream between two events (see {@link Keepalive}).
 */
final class ResponseRelay implements RawRelay {
    private static final int SUMMARY_BYTES = 64 * 1024;

    private static final byte[] PING = SseWriter.frame(new StreamEvent.Ping());

    private final Response response;
    private final Cancellation cancellation;
    private final long startNanos;
    private volatile int status;
    private volatile boolean started;
    private volatile boolean eventStream;
    private volatile boolean finished;
    private Long firstByteMillis;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    /** The last bytes written, to tell whether the stream stands between two events. */
    private final byte[] tail = new byte[4];
    private int tailLength;
    private volatile boolean betweenEvents = true;
    private volatile long lastWriteNanos = System.nanoTime();

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
        String type = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        eventStream = type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
        started = true;
    }

    /**
     * Whether a ping could go out now: an event stream, silent long enough, between two events.
     * Lock-free, for the keep-alive timer.
     */
    boolean silentFor(long idleNanos) {
        return started && eventStream && !finished && status < 300 && betweenEvents
                && System.nanoTime() - lastWriteNanos >= idleNanos;
    }

    /** Keeps a silent relayed stream alive with a {@code ping} event, never inside a half-relayed event. */
    synchronized void pingIfIdle(long idleNanos) {
        if (silentFor(idleNanos)) {
            write(PING, 0, PING.length);
        }
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

    private void remember(byte[] bytes, int offset, int length) {
        for (int i = Math.max(offset, offset + length - tail.length); i < offset + length; i++) {
            if (tailLength == tail.length) {
                System.arraycopy(tail, 1, tail, 0, tail.length - 1);
                tailLength--;
            }
            tail[tailLength++] = bytes[i];
        }
        betweenEvents = atEventBoundary();
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
            remember(bytes, offset, length);
            lastWriteNanos = System.nanoTime();
        } catch (ClientGoneException e) {
            finished = true;
            cancellation.cancel();
            throw e;
        }
    }

    @Override
    public boolean started() {
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
