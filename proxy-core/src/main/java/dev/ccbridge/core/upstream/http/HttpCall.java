package dev.ccbridge.core.upstream.http;

import dev.ccbridge.core.target.Timeouts;
import java.net.URI;
import java.util.Map;

/** One HTTP request to a provider, fully built: the only thing {@link HttpTransport} sends. */
public record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body, Timeouts timeouts) {
    public static HttpCall postJson(URI uri, Map<String, String> headers, byte[] body, Timeouts timeouts) {
        return new HttpCall("POST", uri, headers, body, timeouts);
    }
}
