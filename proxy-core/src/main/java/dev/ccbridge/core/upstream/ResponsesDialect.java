package dev.ccbridge.core.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.openai.responses.ResponsesRequest;
import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.translate.responses.AnthropicToResponses;
import dev.ccbridge.core.translate.responses.ResponsesStreamTranslator;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code codex_responses}: {@code POST {baseUrl}/responses}, always streamed, nothing stored upstream. */
public final class ResponsesDialect implements TranslatingHttpUpstream.Dialect {
    @Override
    public TranslatingHttpUpstream.Prepared prepare(UpstreamExchange x) {
        ToolNames names = ToolNames.of(x.request().toolsOrEmpty());
        ResponsesRequest body = AnthropicToResponses.translate(x.request(), x.model(), names);
        byte[] bytes;
        try {
            bytes = Json.WIRE.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the responses request", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "text/event-stream");
        x.apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        headers.putAll(x.target().headers());
        URI uri = URI.create(x.target().baseUrl() + "/responses");
        String model = x.model().upstream();
        return new TranslatingHttpUpstream.Prepared(HttpCall.postJson(uri, headers, bytes, x.timeouts()),
                out -> new ResponsesStreamTranslator(out, names, model));
    }
}
