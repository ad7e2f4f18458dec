package dev.ccbridge.core.upstream;

import dev.ccbridge.core.translate.chat.AnthropicToChat;
import dev.ccbridge.core.translate.chat.ChatStreamTranslator;
import dev.ccbridge.core.translate.common.ToolNames;

/** {@code chat_completions}: {@code POST {baseUrl}/chat/completions}, always streamed. */
public final class ChatCompletionsDialect implements TranslatingHttpUpstream.Dialect {
    @Override
    public TranslatingHttpUpstream.Prepared prepare(UpstreamExchange x) {
        ToolNames names = ToolNames.of(x.request().toolsOrEmpty());
        var body = AnthropicToChat.translate(x.request(), x.model(), names);
        return new TranslatingHttpUpstream.Prepared(OpenAiCalls.post(x, "/chat/completions", body),
                out -> new ChatStreamTranslator(out, names));
    }
}
