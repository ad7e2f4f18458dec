package dev.ccbridge.core.upstream;

import dev.ccbridge.core.json.Json;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How OpenAI-style endpoints are called: {@code POST {baseUrl}{path}} with a JSON body, asking
 * for SSE, the key as a bearer token, then the target's own headers (which may override).
 */
final class OpenAiCalls {
    private OpenAiCalls() {}

    static HttpCall post(UpstreamExchange x, String path, Object body) {
        byte[] bytes = Json.bytes(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "text/event-stream");
        x.apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        headers.putAll(x.target().headers());
        return HttpCall.postJson(URI.create(x.target().baseUrl() + path), headers, bytes, x.timeouts());
    }
}
