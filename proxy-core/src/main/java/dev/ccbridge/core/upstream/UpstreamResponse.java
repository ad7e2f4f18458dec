package dev.ccbridge.core.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** A provider's answer as it arrives: status and headers now, the body as a blocking stream. */
public final class UpstreamResponse implements AutoCloseable {
    private static final int MAX_ERROR_BODY = 1 << 20;

    private final int status;
    private final Map<String, String> headers;
    private final InputStream body;
    private final Runnable abort;

    /** @param headers header names in lower case */
    public UpstreamResponse(int status, Map<String, String> headers, InputStream body, Runnable abort) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.abort = abort;
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
            body.close();
        } catch (IOException ignored) {
            // closing a finished or aborted stream: nothing left to release
        }
    }
}
