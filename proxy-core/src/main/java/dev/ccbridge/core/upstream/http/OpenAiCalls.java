package dev.ccbridge.core.upstream.http;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.upstream.Call;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How OpenAI-style endpoints are called: {@code POST {baseUrl}{path}} with a JSON body, asking
 * for SSE, the key as a bearer token, then the target's own headers (which may override).
 */
final class OpenAiCalls {
    private OpenAiCalls() {}

    static HttpCall post(Call call, String path, Object body) {
        byte[] bytes = Json.bytes(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "text/event-stream");
        call.apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        headers.putAll(call.target().headers());
        return HttpCall.postJson(URI.create(call.target().baseUrl() + path), headers, bytes, call.timeouts());
    }
}
