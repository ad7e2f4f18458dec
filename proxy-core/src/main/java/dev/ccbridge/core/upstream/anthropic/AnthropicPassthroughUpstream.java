package dev.ccbridge.core.upstream.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.stream.EventSequencer;
import dev.ccbridge.core.translate.anthropic.GatewaySignatures;
import dev.ccbridge.core.translate.anthropic.PassthroughBody;
import dev.ccbridge.core.translate.common.InvalidRequestException;
import dev.ccbridge.core.upstream.AnswerSource;
import dev.ccbridge.core.upstream.Call;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.CountTokensAnswer;
import dev.ccbridge.core.upstream.CountTokensRequest;
import dev.ccbridge.core.upstream.Upstream;
import dev.ccbridge.core.upstream.UpstreamErrors;
import dev.ccbridge.core.upstream.UpstreamFailure;
import dev.ccbridge.core.upstream.http.HttpCall;
import dev.ccbridge.core.upstream.http.HttpTransport;
import dev.ccbridge.core.upstream.http.UpstreamResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code anthropic_messages}: the upstream already speaks Claude Code's protocol, so the request
 * goes out nearly as it came ({@link PassthroughBody}) and the answer comes back byte for byte as
 * it arrives ({@link RelayedAnswer}), streamed or not. Upstream errors in Anthropic's envelope pass
 * through unchanged (status, body, retry headers); anything else (an HTML error page, plain text) is
 * mapped into the envelope so Claude Code can read it.
 */
public final class AnthropicPassthroughUpstream implements Upstream {
    private static final Logger LOG = LoggerFactory.getLogger(AnthropicPassthroughUpstream.class);
    private static final int MAX_ERROR_BODY = 1 << 20;
    /** Statuses meaning "no count_tokens here": fall back to counting locally. */
    private static final Set<Integer> NO_COUNTING = Set.of(404, 405, 501);
    /** Response headers worth passing on; hop-by-hop and length headers never are. */
    private static final Set<String> RELAYED_HEADERS = Set.of("content-type", "cache-control", "retry-after",
            "retry-after-ms", "x-should-retry");
    private static final String RATE_LIMIT_HEADERS = "anthropic-ratelimit-";

    private final HttpTransport transport;

    public AnthropicPassthroughUpstream(HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public AnswerSource open(Call call, EventSequencer unused) throws UpstreamFailure {
        byte[] body;
        try {
            body = PassthroughBody.rewrite(call.request().rawBody(), call.model());
        } catch (InvalidRequestException e) {
            throw new UpstreamFailure(ApiError.invalidRequest(e.getMessage()));
        }
        var http = HttpCall.postJson(AnthropicCalls.messages(call.target().baseUrl()),
                AnthropicCalls.headers(call.target(), call.apiKey(), call.request().clientHeaders()), body,
                call.timeouts());
        UpstreamErrors errors = call.errors();
        UpstreamResponse response = transport.send(http, call.cancellation(), errors.target());
        if (!response.ok()) {
            try (response) {
                throw errorAnswer(response, errors);
            }
        }
        if (!response.isEventStream() && !response.isJson()) {
            response.close();
            throw new UpstreamFailure(ApiError.api(502, errors.target() + " answered with "
                    + response.contentTypeOrNone() + ", not an Anthropic message: check the base URL"));
        }
        return new RelayedAnswer(response, relayedHeaders(response), errors,
                new SignatureTagger(GatewaySignatures.origin(call.model())));
    }

    @Override
    public Optional<CountTokensAnswer> countTokens(CountTokensRequest request) {
        byte[] body;
        try {
            body = PassthroughBody.rewrite(request.rawBody(), request.model());
        } catch (InvalidRequestException e) {
            return Optional.empty();
        }
        var call = HttpCall.postJson(AnthropicCalls.countTokens(request.target().baseUrl()),
                AnthropicCalls.headers(request.target(), request.apiKey(), request.clientHeaders()), body,
                request.timeouts());
        try (UpstreamResponse response = transport.send(call, new Cancellation(), request.target().displayName())) {
            if (NO_COUNTING.contains(response.status())) {
                return Optional.empty();
            }
            byte[] answer = response.body().readNBytes(MAX_ERROR_BODY);
            String text = new String(answer, StandardCharsets.UTF_8);
            JsonNode json = Json.parseOrNull(text);
            boolean counted = response.ok() && json != null && json.path("input_tokens").canConvertToLong();
            if (!counted && anthropicError(json) == null) {
                return Optional.empty(); // an answer Claude Code could not read: a local count is better
            }
            return Optional.of(new CountTokensAnswer(response.status(), relayedHeaders(response), answer));
        } catch (UpstreamFailure | IOException e) {
            LOG.debug("count_tokens at {} failed, counting locally: {}", request.target().id(),
                    Redactor.patternsOnly().redact(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    /**
     * A provider's error answer. In Anthropic's envelope it is relayed unchanged (should the exchange
     * give up); anything else is mapped so Claude Code can read it.
     */
    private static UpstreamFailure errorAnswer(UpstreamResponse response, UpstreamErrors errors) {
        byte[] bytes;
        try {
            bytes = response.body().readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            bytes = new byte[0];
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode error = anthropicError(Json.parseOrNull(text));
        if (error == null) {
            return new UpstreamFailure(errors.fromHttp(response.status(), response.headers(), text));
        }
        Map<String, String> headers = relayedHeaders(response);
        ApiError meaning = ApiError.of(response.status(), error.path("type").asText(),
                errors.redactor().redact(error.path("message").asText()));
        for (var header : headers.entrySet()) {
            meaning = meaning.withHeader(header.getKey(), header.getValue());
        }
        byte[] scrubbed = errors.redactor().redact(text).getBytes(StandardCharsets.UTF_8);
        return new UpstreamFailure(meaning, new UpstreamFailure.Relayed(response.status(), headers, scrubbed));
    }

    /** The {@code error} object of {@code {"type":"error","error":{"type":...,"message":...}}}, or null. */
    static JsonNode anthropicError(JsonNode json) {
        boolean envelope = json != null && "error".equals(json.path("type").asText())
                && json.path("error").path("type").isTextual() && json.path("error").path("message").isTextual();
        return envelope ? json.path("error") : null;
    }

    private static Map<String, String> relayedHeaders(UpstreamResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (RELAYED_HEADERS.contains(lower) || lower.startsWith(RATE_LIMIT_HEADERS)) {
                headers.put(lower, value);
            }
        });
        if (response.isEventStream()) {
            headers.put("x-accel-buffering", "no");
        }
        return headers;
    }
}
