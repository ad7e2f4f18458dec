package dev.ccbridge.core.upstream.http;

import dev.ccbridge.core.protocol.anthropic.WebSearchTool;
import dev.ccbridge.core.target.NativeWebSearch;
import dev.ccbridge.core.translate.chat.AnthropicToChat;
import dev.ccbridge.core.translate.chat.ChatStreamTranslator;
import dev.ccbridge.core.translate.chat.OpenRouterSearch;
import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.upstream.Call;
import java.util.Optional;

/**
 * {@code chat_completions}: {@code POST {baseUrl}/chat/completions}, always streamed. A web search
 * still in the request goes to OpenRouter's own search (see {@code WebSearchPlan}).
 */
public final class ChatCompletionsDialect implements TranslatedHttpUpstream.Dialect {
    @Override
    public TranslatedHttpUpstream.Prepared prepare(Call call) {
        var request = call.request().messages();
        ToolNames names = ToolNames.of(request.toolsOrEmpty());
        var body = AnthropicToChat.translate(request, call.model(), names);
        Optional<WebSearchTool> search = WebSearchTool.in(request.tools());
        if (search.isPresent() && NativeWebSearch.of(call.target()).orElse(null) == NativeWebSearch.OPENROUTER) {
            body = body.withTool(OpenRouterSearch.tool(search.get()));
        }
        return new TranslatedHttpUpstream.Prepared(OpenAiCalls.post(call, "/chat/completions", body),
                out -> new ChatStreamTranslator(out, names, call.model()));
    }
}
