package dev.ccbridge.core.upstream;

import java.util.Map;

/**
 * Direct access to the client's response for upstreams that already speak Anthropic
 * (passthrough): bytes go out as they arrive, untouched. Using it replaces the translated path
 * for that exchange.
 */
public interface RawRelay {
    /** Commits the response: status and the headers worth passing on (no hop-by-hop headers). */
    void start(int status, Map<String, String> headers);

    /** Writes and flushes a chunk of the body. */
    void write(byte[] bytes, int offset, int length);

    /** Whether {@link #start} was called. */
    boolean started();
}
