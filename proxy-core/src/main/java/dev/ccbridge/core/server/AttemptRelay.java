package dev.ccbridge.core.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.upstream.RawRelay;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's relay (passthrough answers) as one attempt sees it: an answer goes straight
 * through, but an error answer (status 400 and up) is held with its bytes, so the {@link Failover}
 * loop can still try again or elsewhere, and relay it unchanged when it gives up.
 */
final class AttemptRelay implements RawRelay {
    private static final int MAX_HELD_BYTES = 1 << 20;

    private final RawRelay client;
    private boolean forwarding;
    private Held held;

    /** An error answer not yet relayed, and what it means for the retry decision. */
    record Held(int status, Map<String, String> headers, ByteArrayOutputStream body) {
        /** The answer read as an error: its status, Anthropic type and message, and retry headers. */
        ApiError error() {
            JsonNode json = Json.parseOrNull(body.toString(StandardCharsets.UTF_8));
            String type = json == null ? "api_error" : json.path("error").path("type").asText("api_error");
            String message = json == null ? "" : json.path("error").path("message").asText("");
            ApiError error = ApiError.of(status, type, message);
            for (var header : headers.entrySet()) {
                error = error.withHeader(header.getKey(), header.getValue());
            }
            return error;
        }

        /** Relays the answer as it came, unless it quotes key material: then with that scrubbed. */
        void relayTo(RawRelay relay, Redactor redactor) {
            String text = body.toString(StandardCharsets.UTF_8);
            String scrubbed = redactor.redact(text);
            byte[] bytes = scrubbed.equals(text) ? body.toByteArray() : scrubbed.getBytes(StandardCharsets.UTF_8);
            relay.start(status, headers);
            relay.write(bytes, 0, bytes.length);
        }
    }

    AttemptRelay(RawRelay client) {
        this.client = client;
    }

    @Override
    public synchronized void start(int status, Map<String, String> headers) {
        if (status >= 400 && !forwarding && held == null) {
            held = new Held(status, new LinkedHashMap<>(headers), new ByteArrayOutputStream());
            return;
        }
        forwarding = true;
        client.start(status, headers);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (held != null) {
            int room = MAX_HELD_BYTES - held.body().size();
            held.body().write(bytes, offset, Math.max(0, Math.min(room, length)));
            return;
        }
        client.write(bytes, offset, length);
    }

    @Override
    public synchronized boolean started() {
        return forwarding || held != null;
    }

    synchronized boolean forwarded() {
        return forwarding;
    }

    synchronized Held held() {
        return held;
    }
}
