package dev.ccbridge.core.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.AnthropicVersion;
import dev.ccbridge.core.target.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A client of a running gateway, sending to one target through its own URL exactly as Claude Code
 * would (its token, Anthropic's headers). Behind "Test connection", Replay and {@code ccbridge test}.
 * Blocking: call it off the FX thread.
 */
public final class GatewayClient {
    private static final String PROMPT = "Reply with the single word: pong";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String gatewayBaseUrl;

    /** @param gatewayBaseUrl e.g. {@code http://127.0.0.1:8787} */
    public GatewayClient(String gatewayBaseUrl) {
        this.gatewayBaseUrl = gatewayBaseUrl;
    }

    /**
     * What came back: the status (0 when the gateway could not be reached) and the body, or why
     * there is none.
     */
    public record Reply(int status, long millis, String body, String failure) {
        public boolean ok() {
            return status == 200 && failure == null;
        }

        /** The answer's text blocks, joined. */
        public String text() {
            var text = new StringBuilder();
            JsonNode json = Json.parseOrNull(body);
            if (json != null) {
                json.path("content").forEach(block -> text.append(block.path("text").asText("")));
            }
            return text.toString();
        }

        /** The error in words: Anthropic's error message, the body, or why nothing came back. */
        public String errorMessage() {
            if (failure != null) {
                return failure;
            }
            JsonNode json = Json.parseOrNull(body);
            return json == null ? body : json.path("error").path("message").asText(body);
        }
    }

    /** The result of one tiny check request ("Test connection"). */
    public record Check(boolean ok, int status, long millis, String answer) {
        public String describe() {
            return ok ? "OK in " + millis + " ms: " + (answer.isBlank() ? "(empty answer)" : answer.strip())
                    : "Failed (" + (status == 0 ? "no answer" : "HTTP " + status) + ") after " + millis + " ms: " + answer;
        }
    }

    /** One tiny real request to the target, with its latency and answer or the provider's error. */
    public Check check(Target target, Duration timeout) {
        String model = target.model() == null || target.model().isBlank() ? "claude-haiku-4-5" : target.model();
        ObjectNode body = Json.object();
        body.put("model", model);
        body.put("max_tokens", 256);
        body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
        Reply reply = send(target, Json.bytes(body), timeout);
        return reply.ok() ? new Check(true, 200, reply.millis(), reply.text())
                : new Check(false, reply.status(), reply.millis(), reply.errorMessage());
    }

    /** Sends a messages request body to the target and waits for the whole answer. */
    public Reply send(Target target, byte[] body, Duration timeout) {
        var request = HttpRequest.newBuilder(URI.create(target.pinnedUrl(gatewayBaseUrl) + "/v1/messages"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(AnthropicVersion.HEADER, AnthropicVersion.CURRENT)
                .header("Authorization", "Bearer " + target.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long start = System.nanoTime();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), millisSince(start), response.body(), null);
        } catch (IOException e) {
            return new Reply(0, millisSince(start), "", "could not reach ccbridge at " + gatewayBaseUrl + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, millisSince(start), "", "interrupted");
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
