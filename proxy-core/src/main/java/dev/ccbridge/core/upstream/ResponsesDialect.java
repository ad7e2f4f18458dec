package dev.ccbridge.core.upstream;

import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.translate.responses.AnthropicToResponses;
import dev.ccbridge.core.translate.responses.ResponsesStreamTranslator;

/** {@code codex_responses}: {@code POST {baseUrl}/responses}, always streamed, nothing stored upstream. */
public final class ResponsesDialect implements TranslatingHttpUpstream.Dialect {
    @Override
    public TranslatingHttpUpstream.Prepared prepare(UpstreamExchange x) {
        ToolNames names = ToolNames.of(x.request().toolsOrEmpty());
        var body = AnthropicToResponses.translate(x.request(), x.model(), names);
        String model = x.model().upstream();
        return new TranslatingHttpUpstream.Prepared(OpenAiCalls.post(x, "/responses", body),
                out -> new ResponsesStreamTranslator(out, names, model));
    }
}
