package dev.ccbridge.core.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.testing.Fakes;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.core.testing.FaultyUpstream;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.upstream.http.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A gateway in front of a {@link FaultyUpstream}, with short time limits, a client speaking as
 * Claude Code does, and the checks that nothing is left behind after a request: no request still
 * being handled, no provider call or connection still busy, every provider connection closed.
 */
final class FaultBench implements AutoCloseable {
    static final String PROMPT = "Say something";

    final FaultyUpstream upstream = new FaultyUpstream();
    final ApiMode mode;
    final GatewayHarness gateway;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    FaultBench(ApiMode mode, Map<String, String> options) {
        this.mode = mode;
        this.gateway = GatewayHarness.start(target(mode, mode == ApiMode.ANTHROPIC_MESSAGES
                || mode == ApiMode.BEDROCK_CONVERSE ? upstream.rootUrl() : upstream.baseUrl(), options),
                ServerSettings.onPort(0).withPingInterval(Duration.ofMillis(400)));
    }

    static Target target(ApiMode mode, String baseUrl, Map<String, String> options) {
        if (mode == ApiMode.BEDROCK_CONVERSE) {
            // Bedrock's endpoint is an option; the fake stands in for bedrock-runtime.<region>.amazonaws.com.
            Map<String, String> all = new java.util.HashMap<>(options);
            all.put("region", "us-east-1");
            all.put("endpoint", baseUrl.replaceFirst("/v1$", ""));
            return Target.builder().id("faulty").name("Faulty").provider("aws")
                    .model("us.anthropic.claude-sonnet-4-5-20250929-v1:0").apiMode(mode)
                    .options(all).build();
        }
        return Target.builder().id("faulty").name("Faulty").provider("fake").baseUrl(baseUrl).model("fake-model")
                .apiMode(mode).options(options).build();
    }

    /** The valid answer of this mode's protocol to the request the fake received, as SSE chunks. */
    List<String> validAnswer(JsonNode request) {
        return answer(mode, request).texts();
    }

    /** A valid ConverseStream answer to the request the fake received, as event-stream frames. */
    static List<byte[]> validFrames(JsonNode request) {
        return answer(ApiMode.BEDROCK_CONVERSE, request).pieces().stream().map(Reply.Piece::bytes).toList();
    }

    /** The one fake provider's streamed answer to this request (the raw-socket fake sends it its own way). */
    private static Reply answer(ApiMode mode, JsonNode received) {
        ObjectNode request = received.deepCopy();
        request.put("stream", true);
        byte[] body = Json.write(request).getBytes(StandardCharsets.UTF_8);
        var asked = new dev.ccbridge.fake.Received("POST", "/model/m/converse-stream", Map.of(), body, request);
        return Profile.of(Fakes.dialect(mode)).answer(asked);
    }

    Received send(boolean stream) {
        String body = "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":1000,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}";
        var request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/messages"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("Authorization", "Bearer " + gateway.registry.installToken())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return Received.of(response, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new AssertionError("the gateway's reply could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The last request as the request log has it, once it has ended. */
    RequestRecord lastRecord() {
        return await("the request's end in the log").atMost(Duration.ofSeconds(5)).until(
                () -> gateway.log.snapshot().isEmpty() ? null : gateway.log.snapshot().getLast(),
                record -> record != null && !record.inFlight());
    }

    /** Nothing lingers: requests, provider calls and connections all finished and closed. */
    void assertNothingLeft() {
        assertNothingLeft(0);
    }

    /**
     * The same, allowing {@code idleAllowed} idle pooled connections (to a well-behaved provider
     * that keeps connections alive, like a fallback target's).
     */
    void assertNothingLeft(int idleAllowed) {
        HttpTransport transport = gateway.server.context().upstreams().transport().orElseThrow();
        // Generous: on a loaded 2-core machine closing and pooling can take seconds; a leak never ends.
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> gateway.server.activeRequests() == 0
                && transport.callsInFlight() == 0 && transport.connections().open() <= idleAllowed);
        assertThat(gateway.server.activeRequests()).as("requests still being handled").isZero();
        assertThat(transport.callsInFlight()).as("provider calls still running").isZero();
        // The fake closes every connection after its answer, so none of those may stay in the pool either.
        assertThat(transport.connections().active()).as("provider connections still busy").isZero();
        assertThat(transport.connections().open()).as("provider connections left in the pool")
                .isLessThanOrEqualTo(idleAllowed);
        await("provider connections closed").atMost(Duration.ofSeconds(15)).until(() -> upstream.openConnections() == 0);
        assertThat(gateway.log.snapshot()).noneMatch(RequestRecord::inFlight);
    }

    @Override
    public void close() throws Exception {
        client.close();
        gateway.close();
        upstream.close();
    }
}
