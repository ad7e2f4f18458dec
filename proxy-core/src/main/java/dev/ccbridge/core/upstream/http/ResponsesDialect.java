package dev.ccbridge.core.upstream.http;

import dev.ccbridge.core.protocol.openai.responses.ResponsesRequest;
import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.translate.responses.AnthropicToResponses;
import dev.ccbridge.core.translate.responses.ResponsesStreamTranslator;
import dev.ccbridge.core.upstream.Call;
import java.util.Locale;

/**
 * {@code codex_responses}: {@code POST {baseUrl}/responses}, always streamed, nothing stored
 * upstream. Reasoning is asked for unless the model is known not to reason; a model that turns
 * out to refuse it (a deployment ccbridge cannot tell by name) gets the request again without.
 */
public final class ResponsesDialect implements TranslatedHttpUpstream.Dialect {
    @Override
    public TranslatedHttpUpstream.Prepared prepare(Call call) {
        var request = call.request().messages();
        ToolNames names = ToolNames.of(request.toolsOrEmpty());
        ResponsesRequest body = AnthropicToResponses.translate(request, call.model(), names);
        var asked = prepared(call, body, names);
        if (body.reasoning() == null) {
            return asked;
        }
        return asked.withFallback(new TranslatedHttpUpstream.Fallback(ResponsesDialect::refusesReasoning,
                () -> prepared(call, body.withoutReasoning(), names)));
    }

    private static TranslatedHttpUpstream.Prepared prepared(Call call, ResponsesRequest body, ToolNames names) {
        return new TranslatedHttpUpstream.Prepared(OpenAiCalls.post(call, "/responses", body),
                out -> new ResponsesStreamTranslator(out, names, call.model()));
    }

    /** A 400 about the reasoning parameters: "reasoning.effort is not supported", "Encrypted content is not supported". */
    static boolean refusesReasoning(String errorBody) {
        String text = errorBody == null ? "" : errorBody.toLowerCase(Locale.ROOT);
        return text.contains("reasoning") || text.contains("encrypted") || text.contains("include");
    }
}
