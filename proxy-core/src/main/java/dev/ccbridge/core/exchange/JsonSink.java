package dev.ccbridge.core.exchange;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Answers a non-streaming request: the upstream is streamed anyway (no long silent wait that a
 * client timeout would cut and resend) and the events are folded into one message, up to
 * {@link #MAX_FOLDED_CHARS}: beyond that (no model writes such an answer) the upstream call stops
 * and Claude Code gets a 502.
 */
final class JsonSink extends EventSink {
    static final long MAX_FOLDED_CHARS = 32L * 1024 * 1024;

    private final ClientResponse response;
    private int status;
    private byte[] encoded;

    JsonSink(ClientResponse response, String requestId, long startNanos) {
        super(requestId, startNanos, MAX_FOLDED_CHARS);
        this.response = response;
    }

    @Override
    synchronized void send(List<StreamEvent> events) {
        events.forEach(this::record);
    }

    @Override
    protected void onOverflow() {
        ApiError tooLarge = ApiError.api(502, "the upstream's answer is longer than " + (MAX_FOLDED_CHARS >> 20)
                + " Mi characters; ccbridge stopped reading it");
        fail(tooLarge);
        throw new AnswerTooLargeException(tooLarge);
    }

    @Override
    synchronized void fail(ApiError failure) {
        if (error == null) {
            error = failure;
        }
    }

    @Override
    synchronized void settle() {
        if (error == null && !answerComplete()) {
            error = ApiError.api(502, "the upstream's answer was incomplete");
        }
        if (error == null) {
            // Encoded once: the same bytes answer the client and go to the request log.
            encoded = Json.bytes(answer.message());
        }
        status = error != null ? error.status() : 200;
    }

    @Override
    synchronized void finish() {
        if (error != null) {
            Replies.error(response, error, requestId);
        } else {
            Replies.jsonBytes(response, 200, encoded);
        }
    }

    @Override
    synchronized String summary() {
        return error == null && encoded != null ? new String(encoded, StandardCharsets.UTF_8) : super.summary();
    }

    @Override
    synchronized int status() {
        return status;
    }
}
