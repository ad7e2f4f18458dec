package dev.ccbridge.core.upstream.http;

import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.translate.responses.AnthropicToResponses;
import dev.ccbridge.core.translate.responses.ResponsesStreamTranslator;
import dev.ccbridge.core.upstream.Call;

/** {@code codex_responses}: {@code POST {baseUrl}/responses}, always streamed, nothing stored upstream. */
public final class ResponsesDialect implements TranslatedHttpUpstream.Dialect {
    @Override
    public TranslatedHttpUpstream.Prepared prepare(Call call) {
        var request = call.request().messages();
        ToolNames names = ToolNames.of(request.toolsOrEmpty());
        var body = AnthropicToResponses.translate(request, call.model(), names);
        String model = call.model().upstream();
        return new TranslatedHttpUpstream.Prepared(OpenAiCalls.post(call, "/responses", body),
                out -> new ResponsesStreamTranslator(out, names, model));
    }
}
