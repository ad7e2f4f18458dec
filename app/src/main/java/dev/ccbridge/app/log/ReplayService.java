package dev.ccbridge.app.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.app.ServerControl;
import dev.ccbridge.core.env.EnvSnippets;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends a logged request again, to another target, through the gateway (its per-target URL), so
 * the answers of two providers to the same real prompt can be compared. Sent without streaming,
 * so the answer arrives as one message.
 */
public final class ReplayService {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final ServerControl server;

    public ReplayService(ServerControl server) {
        this.server = server;
    }

    /** Blocks until the answer is in: call it off the FX thread. */
    public Answer replay(String requestBody, Target target) {
        JsonNode parsed = Json.parseOrNull(requestBody);
        if (!(parsed instanceof ObjectNode request)) {
            return new Answer(target.displayName(), 0, 0, null, "", "the logged request is not JSON, so it cannot be sent again");
        }
        request.put("stream", false);
        return server.throughGateway(base -> send(base, request, target));
    }

    private static Answer send(String gatewayBase, ObjectNode request, Target target) {
        var http = HttpRequest.newBuilder(URI.create(EnvSnippets.pinnedUrl(gatewayBase, target) + "/v1/messages"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("Authorization", "Bearer " + target.token())
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(request)))
                .build();
        long start = System.nanoTime();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(http, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return Answer.fromBody(target.displayName(), response.statusCode(), millis, null, response.body());
        } catch (IOException e) {
            return new Answer(target.displayName(), 0, (System.nanoTime() - start) / 1_000_000, null, "",
                    "could not reach the gateway: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(target.displayName(), 0, 0, null, "", "interrupted");
        }
    }
}
