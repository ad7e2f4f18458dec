package dev.ccbridge.core.upstream.http;

import dev.ccbridge.core.translate.chat.AnthropicToChat;
import dev.ccbridge.core.translate.chat.ChatStreamTranslator;
import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.upstream.Call;

/** {@code chat_completions}: {@code POST {baseUrl}/chat/completions}, always streamed. */
public final class ChatCompletionsDialect implements TranslatedHttpUpstream.Dialect {
    @Override
    public TranslatedHttpUpstream.Prepared prepare(Call call) {
        var request = call.request().messages();
        ToolNames names = ToolNames.of(request.toolsOrEmpty());
        var body = AnthropicToChat.translate(request, call.model(), names);
        return new TranslatedHttpUpstream.Prepared(OpenAiCalls.post(call, "/chat/completions", body),
                out -> new ChatStreamTranslator(out, names, call.model()));
    }
}
