package dev.ccbridge.core.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.openai.chat.ChatRequest;
import dev.ccbridge.core.translate.chat.AnthropicToChat;
import dev.ccbridge.core.translate.chat.ChatStreamTranslator;
import dev.ccbridge.core.translate.common.ToolNames;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code chat_completions}: {@code POST {baseUrl}/chat/completions}, always streamed. */
public final class ChatCompletionsDialect implements TranslatingHttpUpstream.Dialect {
    @Override
    public TranslatingHttpUpstream.Prepared prepare(UpstreamExchange x) {
        ToolNames names = ToolNames.of(x.request().toolsOrEmpty());
        ChatRequest body = AnthropicToChat.translate(x.request(), x.model(), names);
        byte[] bytes;
        try {
            bytes = Json.WIRE.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the chat request", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "text/event-stream");
        x.apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        headers.putAll(x.target().headers());
        URI uri = URI.create(x.target().baseUrl() + "/chat/completions");
        return new TranslatingHttpUpstream.Prepared(HttpCall.postJson(uri, headers, bytes, x.timeouts()),
                out -> new ChatStreamTranslator(out, names));
    }
}
