package dev.ccbridge.core.upstream.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A provider's answer as it arrives: status and headers now, the body as a blocking stream.
 * Closing it before the body's end aborts the exchange: the connection is dropped, never
 * returned to the pool half-read.
 */
public final class UpstreamResponse implements AutoCloseable {
    private static final int MAX_ERROR_BODY = 1 << 20;

    private final int status;
    private final Map<String, String> headers;
    private final WatchedBody body;
    private final Runnable abort;
    private final Runnable released;

    /** @param headers header names in lower case */
    public UpstreamResponse(int status, Map<String, String> headers, InputStream body, Runnable abort) {
        this(status, headers, body, abort, null, () -> { });
    }

    UpstreamResponse(int status, Map<String, String> headers, InputStream body, Runnable abort, CallWatch watch,
                     Runnable released) {
        this.status = status;
        this.headers = headers;
        this.body = new WatchedBody(body, watch);
        this.abort = abort;
        this.released = released;
    }

    public int status() {
        return status;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public InputStream body() {
        return body;
    }

    public boolean isEventStream() {
        String type = header("content-type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    public boolean isJson() {
        String type = header("content-type");
        return type != null && type.toLowerCase(Locale.ROOT).contains("json");
    }

    /** The content type as sent, or a phrase saying there was none (for messages). */
    public String contentTypeOrNone() {
        String type = header("content-type");
        return type == null || type.isBlank() ? "no content type" : type;
    }

    /** The body as text, at most 1 MiB (error bodies; an answer is never read this way). */
    public String readSmallBody() throws IOException {
        byte[] bytes = body.readNBytes(MAX_ERROR_BODY);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Stops the exchange: the connection is dropped, not returned to the pool half-read. */
    public void abort() {
        abort.run();
    }

    @Override
    public void close() {
        try {
            if (!body.ended) {
                abort.run();
            }
            body.close();
        } catch (IOException | RuntimeException ignored) {
            // closing an aborted body rethrows the abort's cause: nothing left to release
        } finally {
            released.run();
        }
    }

    /** Tells the call's watch when a read is waiting on the provider, and notices the body's end. */
    private static final class WatchedBody extends InputStream {
        private final InputStream in;
        private final CallWatch watch;
        private volatile boolean ended;

        WatchedBody(InputStream in, CallWatch watch) {
            this.in = in;
            this.watch = watch;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (watch != null) {
                watch.readStarted();
            }
            try {
                int n = in.read(buffer, offset, length);
                if (n < 0) {
                    ended = true;
                }
                return n;
            } finally {
                if (watch != null) {
                    watch.readEnded();
                }
            }
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
