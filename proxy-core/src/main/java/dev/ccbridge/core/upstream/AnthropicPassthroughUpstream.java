package dev.ccbridge.core.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.log.StreamScrubber;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.sse.SseParser;
import dev.ccbridge.core.sse.SseWriter;
import dev.ccbridge.core.translate.anthropic.PassthroughBody;
import dev.ccbridge.core.translate.common.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
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
 * it arrives, streamed or not. Upstream errors in Anthropic's envelope pass through unchanged
 * (status, body, retry headers); anything else (an HTML error page, plain text) is wrapped into
 * the envelope so Claude Code can read it.
 */
public final class AnthropicPassthroughUpstream implements Upstream {
    private static final Logger LOG = LoggerFactory.getLogger(AnthropicPassthroughUpstream.class);
    private static final int READ_BUFFER = 16 * 1024;
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
    public void exchange(UpstreamExchange x) {
        byte[] body;
        try {
            body = PassthroughBody.rewrite(x.rawBody(), x.model());
        } catch (InvalidRequestException e) {
            x.out().fail(ApiError.invalidRequest(e.getMessage()));
            return;
        }
        var call = HttpCall.postJson(AnthropicCalls.messages(x.target().baseUrl()),
                AnthropicCalls.headers(x.target(), x.apiKey(), x.clientHeaders()), body, x.timeouts());
        String target = x.target().displayName();
        try (UpstreamResponse response = transport.send(call, x.cancellation(), target)) {
            if (!response.ok()) {
                relayError(response, x);
            } else if (!response.isEventStream() && !response.isJson()) {
                x.out().fail(ApiError.api(502, target + " answered with " + contentType(response)
                        + ", not an Anthropic message: check the base URL"));
            } else {
                relayAnswer(response, x);
            }
        } catch (UpstreamUnavailableException e) {
            x.out().fail(e.error());
        }
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
            byte[] answer = response.body().readNBytes(1 << 20);
            String text = new String(answer, StandardCharsets.UTF_8);
            JsonNode json = Json.parseOrNull(text);
            boolean counted = response.ok() && json != null && json.path("input_tokens").canConvertToLong();
            if (!counted && !isAnthropicError(text)) {
                return Optional.empty(); // an answer Claude Code could not read: a local count is better
            }
            return Optional.of(new CountTokensAnswer(response.status(), relayedHeaders(response), answer));
        } catch (UpstreamUnavailableException | IOException e) {
            LOG.debug("count_tokens at {} failed, counting locally: {}", request.target().id(),
                    Redactor.patternsOnly().redact(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    /** Anthropic-shaped errors go through unchanged; others are wrapped so Claude Code can read them. */
    private static void relayError(UpstreamResponse response, UpstreamExchange x) {
        byte[] bytes;
        try {
            bytes = response.body().readNBytes(1 << 20);
        } catch (IOException e) {
            bytes = new byte[0];
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (isAnthropicError(text)) {
            x.relay().start(response.status(), relayedHeaders(response));
            x.relay().write(bytes, 0, bytes.length);
            return;
        }
        x.out().fail(UpstreamErrors.fromHttp(response.status(), response.headers(), text,
                x.target().displayName(), x.redactor(), x.estimatedInputTokens(),
                x.model().capabilities().contextWindow()));
    }

    /** {@code {"type":"error","error":{"type":...,"message":...}}}: the envelope Claude Code reads. */
    static boolean isAnthropicError(String body) {
        JsonNode json = Json.parseOrNull(body);
        return json != null && "error".equals(json.path("type").asText())
                && json.path("error").path("type").isTextual() && json.path("error").path("message").isTextual();
    }

    /**
     * Relays the answer as it arrives. The client's response starts with the first bytes, not with
     * the headers: a provider that answers 200 and then stays silent or breaks off still gets an
     * HTTP error Claude Code can retry. After that, trouble ends the stream with an error event.
     */
    private static void relayAnswer(UpstreamResponse response, UpstreamExchange x) {
        boolean sse = response.isEventStream();
        var watch = sse ? new StreamEndWatch() : null;
        RawRelay relay = x.relay();
        String target = x.target().displayName();
        InputStream in = response.body();
        byte[] buffer = new byte[READ_BUFFER];
        // Should the provider echo the key (in an error event, say), it never reaches Claude Code or the log.
        StreamScrubber scrubber = x.redactor().streaming();
        boolean started = false;
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (x.cancellation().isCancelled()) {
                    response.abort();
                    return;
                }
                if (read == 0) {
                    continue;
                }
                if (watch != null) {
                    watch.parser.feed(buffer, 0, read);
                    if (watch.malformed) {
                        // Content may be lost: end with an error rather than relay a broken event.
                        response.abort();
                        ApiError error = ApiError.api(502, target + " sent malformed data (an event that is not "
                                + "JSON); the answer may be incomplete, so it was cut");
                        if (started) {
                            write(relay, scrubber.finish());
                            write(relay, errorFrame(error));
                        } else {
                            x.out().fail(error);
                        }
                        return;
                    }
                }
                if (!started) {
                    relay.start(response.status(), relayedHeaders(response));
                    started = true;
                }
                write(relay, scrubber.feed(buffer, 0, read));
            }
            if (!started) {
                x.out().fail(ApiError.api(502, target + " answered " + response.status() + " with an empty body"));
                return;
            }
            write(relay, scrubber.finish());
            if (watch != null && !watch.ended) {
                // Claude Code must never act on a cut answer as if it were whole.
                write(relay, errorFrame(ApiError.api(502, target + ": upstream stream ended unexpectedly")));
            }
        } catch (SseParser.EventTooLargeException e) {
            response.abort();
            ApiError error = ApiError.api(502, target + " sent " + e.getMessage() + "; the answer was cut");
            if (started) {
                write(relay, scrubber.finish());
                write(relay, errorFrame(error));
            } else {
                x.out().fail(error);
            }
        } catch (IOException e) {
            response.abort();
            if (x.cancellation().isCancelled()) {
                return;
            }
            LOG.info("{}: the answer from {} broke off: {}", x.requestId(), x.target().id(),
                    x.redactor().redact(String.valueOf(e.getMessage())));
            ApiError error = HttpTransport.readFailure(e, target);
            if (!started) {
                x.out().fail(error);
            } else if (sse) {
                write(relay, scrubber.finish());
                write(relay, errorFrame(error));
            }
        }
    }

    private static void write(RawRelay relay, byte[] bytes) {
        if (bytes.length > 0) {
            relay.write(bytes, 0, bytes.length);
        }
    }

    /** An SSE {@code error} frame, preceded by a blank line that ends any half-written frame before it. */
    private static byte[] errorFrame(ApiError error) {
        byte[] frame = SseWriter.frame(new StreamEvent.Error(error.body()));
        byte[] out = new byte[frame.length + 2];
        out[0] = '\n';
        out[1] = '\n';
        System.arraycopy(frame, 0, out, 2, frame.length);
        return out;
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

    private static String contentType(UpstreamResponse response) {
        String type = response.header("content-type");
        return type == null ? "no content type" : type;
    }

    /**
     * Notices whether a relayed stream reached its end ({@code message_stop} or an {@code error}
     * event), and whether an event's data is not JSON (every Anthropic event's is).
     */
    private static final class StreamEndWatch {
        boolean ended;
        boolean malformed;
        final SseParser parser = new SseParser(event -> {
            String text = event.data().strip();
            if (text.isEmpty() || text.equals("[DONE]")) {
                return; // keep-alives and a Chat-style end marker some gateways add: nothing lost
            }
            JsonNode data = Json.parseOrNull(text);
            if (data == null || !data.isObject()) {
                malformed = true;
                return;
            }
            String name = event.event();
            if (name == null || name.isBlank()) {
                // Some gateways leave out "event:"; the type is also in the data.
                name = data.path("type").asText(null);
            }
            if ("message_stop".equals(name) || "error".equals(name)) {
                ended = true;
            }
        });
    }
}
