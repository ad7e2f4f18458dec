package dev.ccbridge.core.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * "Test connection": one tiny real request through a running gateway to one target, exactly as
 * Claude Code would send it, reporting latency and the answer or the provider's error in words.
 */
public final class TargetCheck {
    private static final String PROMPT = "Reply with the single word: pong";

    /** @param answer the model's text when ok; the error message otherwise */
    public record Result(boolean ok, int status, long millis, String answer) {
        public String describe() {
            return ok ? "OK in " + millis + " ms: " + (answer.isBlank() ? "(empty answer)" : answer.strip())
                    : "Failed (" + (status == 0 ? "no answer" : "HTTP " + status) + ") after " + millis + " ms: " + answer;
        }
    }

    private TargetCheck() {}

    public static Result run(String gatewayBaseUrl, Target target, Duration timeout) {
        String model = target.model() == null || target.model().isBlank() ? "claude-haiku-4-5" : target.model();
        var body = Json.object();
        body.put("model", model);
        body.put("max_tokens", 256);
        body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
        var request = HttpRequest.newBuilder(URI.create(gatewayBaseUrl + Route.PINNED_PREFIX + target.routeKey()
                        + "/v1/messages"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("Authorization", "Bearer " + target.token())
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        long start = System.nanoTime();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            JsonNode json = Json.parseOrNull(response.body());
            if (response.statusCode() == 200 && json != null) {
                var text = new StringBuilder();
                json.path("content").forEach(block -> text.append(block.path("text").asText("")));
                return new Result(true, 200, millis, text.toString());
            }
            String message = json == null ? response.body() : json.path("error").path("message").asText(response.body());
            return new Result(false, response.statusCode(), millis, message);
        } catch (IOException e) {
            return new Result(false, 0, (System.nanoTime() - start) / 1_000_000,
                    "could not reach ccbridge at " + gatewayBaseUrl + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, 0, (System.nanoTime() - start) / 1_000_000, "interrupted");
        }
    }
}
