package dev.ccbridge.core.upstream.http;

import dev.ccbridge.core.target.Timeouts;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request to a provider, fully built: the only thing {@link HttpTransport} sends.
 *
 * @param body the body's pieces, sent one after another (null: none)
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, List<ByteBuffer> body, Timeouts timeouts) {
    public static HttpCall postJson(URI uri, Map<String, String> headers, byte[] body, Timeouts timeouts) {
        return postJson(uri, headers, List.of(ByteBuffer.wrap(body)), timeouts);
    }

    public static HttpCall postJson(URI uri, Map<String, String> headers, List<ByteBuffer> body, Timeouts timeouts) {
        return new HttpCall("POST", uri, headers, body, timeouts);
    }

    /** The body's pieces joined in one array (for tools that keep what would be sent; the transport never joins them). */
    public byte[] bodyBytes() {
        if (body == null) {
            return new byte[0];
        }
        var out = ByteBuffer.allocate(body.stream().mapToInt(ByteBuffer::remaining).sum());
        body.forEach(piece -> out.put(piece.duplicate()));
        return out.array();
    }
}
