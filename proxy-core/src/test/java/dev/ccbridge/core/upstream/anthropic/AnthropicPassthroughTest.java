package dev.ccbridge.core.upstream.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.testing.SseText;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code anthropic_messages} mode over real HTTP: Claude Code -> gateway -> WireMock as the provider. */
class AnthropicPassthroughTest {
    private static final String MODEL = "claude-sonnet-4-6";
    private static final String REQUEST = """
            {"model":"claude-sonnet-4-6","max_tokens":32000,"stream":true,\
            "system":[{"type":"text","text":"You are Claude Code.","cache_control":{"type":"ephemeral"}}],\
            "messages":[{"role":"user","content":"list the files"}],\
            "metadata":{"user_id":"{\\"device\\":\\"abc\\"}"},"temperature":1,"top_k":5}""";
    private static final String SSE = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":1,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: ping
            data: {"type": "ping"}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Héllo – wörld"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":5}}

            event: message_stop
            data: {"type":"message_stop"}

            """;
    private static final String JSON_ANSWER = """
            {"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-6",\
            "content":[{"type":"text","text":"Done."}],"stop_reason":"end_turn","stop_sequence":null,\
            "usage":{"input_tokens":9,"output_tokens":2,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}""";

    private static WireMockServer upstream;
    private GatewayHarness gateway;

    @BeforeAll
    static void startUpstream() {
        upstream = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        upstream.start();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
    }

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private Target target(String basePath, String model, Map<String, String> options) {
        return Target.builder().id("gw").name("Gateway").provider("anthropic")
                .baseUrl("http://127.0.0.1:" + upstream.port() + basePath).model(model)
                .apiMode(ApiMode.ANTHROPIC_MESSAGES).options(options).build();
    }

    private HttpResponse<String> send(String path, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + gateway.registry.installToken())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return gateway.send(request);
    }

    private static Map<String, String> claudeCodeHeaders() {
        return Map.of("anthropic-version", "2023-06-01",
                "anthropic-beta", "claude-code-20250219,oauth-2025-04-20,interleaved-thinking-2025-05-14",
                "x-app", "cli");
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = upstream.findAll(postRequestedFor(urlPathEqualTo("/v1/messages")));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    @Test
    void streamsTheUpstreamSseBytesUnchanged() {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream; charset=utf-8")
                .withHeader("X-Internal-Route", "shard-7")
                .withHeader("anthropic-ratelimit-requests-remaining", "99")
                .withBody(SSE)));
        gateway = GatewayHarness.start(target("", null, Map.of()));

        HttpResponse<String> response = send("/v1/messages?beta=true", REQUEST, claudeCodeHeaders());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(SSE);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
        assertThat(response.headers().firstValue("anthropic-ratelimit-requests-remaining")).hasValue("99");
        assertThat(response.headers().firstValue("x-internal-route")).isEmpty();
        assertThat(response.headers().firstValue("content-length")).isEmpty();
    }

    @Test
    void relaysAJsonAnswerUnchanged() {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(JSON_ANSWER)));
        gateway = GatewayHarness.start(target("", null, Map.of()));

        HttpResponse<String> response = send("/v1/messages?beta=true", REQUEST.replace("\"stream\":true", "\"stream\":false"),
                claudeCodeHeaders());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(JSON_ANSWER);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void forwardsAnthropicHeadersAndTheTargetKeyButNeverClaudeCodesToken() {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(SSE)));
        gateway = GatewayHarness.start(target("", null, Map.of()));

        send("/v1/messages?beta=true", REQUEST, claudeCodeHeaders());

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeader("anthropic-beta"))
                .isEqualTo("claude-code-20250219,interleaved-thinking-2025-05-14");
        assertThat(request.getHeader("x-api-key")).isEqualTo(GatewayHarness.KEY);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + GatewayHarness.KEY);
        String installToken = gateway.registry.installToken();
        for (HttpHeader header : request.getHeaders().all()) {
            assertThat(header.values()).as(header.key()).noneMatch(value -> value.contains(installToken));
        }
        assertThat(request.getBodyAsString()).doesNotContain(installToken);
        assertThat(request.getHeader("x-app")).isNull();
    }

    @Test
    void sendsTheKeyOnlyTheWayTheTargetSays() {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(JSON_ANSWER)));
        gateway = GatewayHarness.start(target("", null, Map.of("auth", "x-api-key")));
        send("/v1/messages", REQUEST, claudeCodeHeaders());
        gateway.close();
        gateway = GatewayHarness.start(target("/bearer", null, Map.of("auth", "bearer")));
        upstream.stubFor(post(urlEqualTo("/bearer/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(JSON_ANSWER)));
        send("/v1/messages", REQUEST, claudeCodeHeaders());

        upstream.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(GatewayHarness.KEY)).withHeader("Authorization", absent()));
        upstream.verify(postRequestedFor(urlEqualTo("/bearer/v1/messages"))
                .withHeader("Authorization", equalTo("Bearer " + GatewayHarness.KEY))
                .withHeader("x-api-key", absent()));
    }

    @Test
    void changesOnlyTheModelAndWhatTheTargetCannotTake() {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(JSON_ANSWER)));
        // A gateway serving a model that takes no cache_control and at most 8192 output tokens.
        var caps = new ModelCapabilities(8192, null, null, null, null, null, null, false, null, null);
        Target gatewayTarget = Target.builder().id("gw").name("Gateway").provider("deepseek")
                .baseUrl("http://127.0.0.1:" + upstream.port()).model("deepseek-v4-flash")
                .apiMode(ApiMode.ANTHROPIC_MESSAGES).capabilities(caps).build();
        gateway = GatewayHarness.start(gatewayTarget);

        send("/v1/messages?beta=true", REQUEST, claudeCodeHeaders());

        assertThat(onlyRequest().getBodyAsString()).isEqualTo("""
                {"model":"deepseek-v4-flash","max_tokens":8192,"stream":true,\
                "system":[{"type":"text","text":"You are Claude Code."}],\
                "messages":[{"role":"user","content":"list the files"}],\
                "metadata":{"user_id":"{\\"device\\":\\"abc\\"}"},"temperature":1,"top_k":5}""");
    }

    @Test
    void keepsTheClaudeIdAndEveryByteForAnAnthropicTargetWithoutModel() {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(JSON_ANSWER)));
        gateway = GatewayHarness.start(target("", null, Map.of()));

        send("/v1/messages?beta=true", REQUEST, claudeCodeHeaders());

        assertThat(onlyRequest().getBodyAsString()).isEqualTo(REQUEST);
    }

    @Test
    void dropsThinkingAnthropicCannotVerifyFromAHistoryWrittenElsewhere() {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(JSON_ANSWER)));
        gateway = GatewayHarness.start(target("", null, Map.of()));
        String history = """
                {"model":"claude-sonnet-4-6","max_tokens":32000,"messages":[\
                {"role":"user","content":"hi"},\
                {"role":"assistant","content":[{"type":"thinking","thinking":"chat reasoning"},\
                {"type":"thinking","thinking":"carried","signature":"ccb1.eyJtb2RlIjoiY29kZXhfcmVzcG9uc2VzIn0"},\
                {"type":"thinking","thinking":"real","signature":"EqQBCkYIBxgCKkB"},{"type":"text","text":"Hello"}]},\
                {"role":"user","content":"again"}]}""";

        send("/v1/messages", history, claudeCodeHeaders());

        JsonNode sent = Json.parseOrNull(onlyRequest().getBodyAsString());
        JsonNode assistant = sent.path("messages").get(1).path("content");
        assertThat(assistant).hasSize(2);
        assertThat(assistant.get(0).path("signature").asText()).isEqualTo("EqQBCkYIBxgCKkB");
        assertThat(assistant.get(1).path("text").asText()).isEqualTo("Hello");
    }

    @Test
    void relaysRateLimitAndOverloadedErrorsUnchanged() {
        String rateLimited = """
                {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"},"request_id":"req_011"}""";
        String overloaded = """
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""";
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("retry-after", "17")
                .withHeader("x-should-retry", "true").withBody(rateLimited)));
        upstream.stubFor(post(urlEqualTo("/busy/v1/messages")).willReturn(aResponse().withStatus(529)
                .withHeader("Content-Type", "application/json").withBody(overloaded)));
        gateway = GatewayHarness.start(target("", null, Map.of()));

        HttpResponse<String> limited = send("/v1/messages?beta=true", REQUEST, claudeCodeHeaders());
        gateway.close();
        gateway = GatewayHarness.start(target("/busy", null, Map.of()));
        HttpResponse<String> busy = send("/v1/messages?beta=true", REQUEST, claudeCodeHeaders());

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo(rateLimited);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("17");
        assertThat(limited.headers().firstValue("x-should-retry")).hasValue("true");
        assertThat(busy.statusCode()).isEqualTo(529);
        assertThat(busy.body()).isEqualTo(overloaded);
    }

    @Test
    void wrapsAnErrorPageIntoTheAnthropicEnvelope() {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad Gateway</body></html>")));
        gateway = GatewayHarness.start(target("", null, Map.of()));

        HttpResponse<String> response = send("/v1/messages", REQUEST, claudeCodeHeaders());

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode body = Json.parseOrNull(response.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo("api_error");
        assertThat(body.path("error").path("message").asText()).contains("Gateway").contains("Bad Gateway");
    }

    @Test
    void endsACutStreamWithAnErrorEvent() {
        String cut = SSE.substring(0, SSE.indexOf("event: content_block_stop"));
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(cut)));
        gateway = GatewayHarness.start(target("", null, Map.of()));

        HttpResponse<String> response = send("/v1/messages?beta=true", REQUEST, claudeCodeHeaders());

        assertThat(response.body()).startsWith(cut);
        List<SseText.Frame> frames = SseText.parse(response.body());
        assertThat(frames.getLast().event()).isEqualTo("error");
        assertThat(frames.getLast().data().path("error").path("message").asText())
                .contains("ended unexpectedly");
    }

    @Test
    void usesTheVersionInTheBaseUrlInsteadOfAddingOne() {
        upstream.stubFor(post(urlEqualTo("/api/anthropic/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(JSON_ANSWER)));
        gateway = GatewayHarness.start(target("/api/anthropic/v1/", null, Map.of()));

        HttpResponse<String> response = send("/v1/messages", REQUEST, claudeCodeHeaders());

        assertThat(response.body()).isEqualTo(JSON_ANSWER);
        assertThat(AnthropicCalls.messages("https://gw.example/anthropic").toString())
                .isEqualTo("https://gw.example/anthropic/v1/messages");
        assertThat(AnthropicCalls.messages("https://gw.example/v2").toString())
                .isEqualTo("https://gw.example/v2/messages");
    }

    @Test
    void reportsAnUnreachableUpstreamAsAnAnthropicError() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        gateway = GatewayHarness.start(Target.builder().id("gw").name("Gateway").provider("anthropic")
                .baseUrl("http://127.0.0.1:" + closedPort).apiMode(ApiMode.ANTHROPIC_MESSAGES).build());

        HttpResponse<String> response = send("/v1/messages", REQUEST, claudeCodeHeaders());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(Json.parseOrNull(response.body()).path("error").path("message").asText())
                .contains("could not reach Gateway");
    }

    @Test
    void forwardsCountTokensWithTheSameRules() {
        upstream.stubFor(post(urlEqualTo("/v1/messages/count_tokens")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"input_tokens\":4242}")));
        gateway = GatewayHarness.start(target("", "claude-opus-4-7", Map.of("auth", "x-api-key")));

        HttpResponse<String> response = send("/v1/messages/count_tokens?beta=true",
                "{\"model\":\"claude-sonnet-4-6\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                claudeCodeHeaders());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"input_tokens\":4242}");
        LoggedRequest request = upstream.findAll(postRequestedFor(urlEqualTo("/v1/messages/count_tokens")))
                .getFirst();
        assertThat(request.getBodyAsString())
                .isEqualTo("{\"model\":\"claude-opus-4-7\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(request.getHeader("x-api-key")).isEqualTo(GatewayHarness.KEY);
        assertThat(request.getHeader("Authorization")).isNull();
        assertThat(request.getHeader("anthropic-version")).isEqualTo("2023-06-01");
    }

    @Test
    void countsLocallyWhenTheUpstreamHasNoCountTokens() {
        upstream.stubFor(post(urlEqualTo("/v1/messages/count_tokens")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"Not found\"}}")));
        gateway = GatewayHarness.start(target("", null, Map.of()));

        HttpResponse<String> response = send("/v1/messages/count_tokens",
                "{\"model\":\"claude-sonnet-4-6\",\"messages\":[{\"role\":\"user\",\"content\":\"count these words please\"}]}",
                claudeCodeHeaders());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parseOrNull(response.body()).path("input_tokens").asInt()).isBetween(4, 40);
        upstream.verify(1, postRequestedFor(urlEqualTo("/v1/messages/count_tokens")));
    }

    @Test
    void countsLocallyWhenTheUpstreamAnswersSomethingClaudeCodeCannotRead() {
        upstream.stubFor(post(urlEqualTo("/v1/messages/count_tokens")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/html").withBody("<h1>Internal Server Error</h1>")));
        gateway = GatewayHarness.start(target("", null, Map.of()));

        HttpResponse<String> response = send("/v1/messages/count_tokens",
                "{\"model\":\"claude-sonnet-4-6\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}",
                claudeCodeHeaders());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parseOrNull(response.body()).path("input_tokens").asInt()).isPositive();
    }

    @Test
    void countsLocallyWhenTheUpstreamIsUnreachable() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        gateway = GatewayHarness.start(Target.builder().id("gw").name("Gateway").provider("anthropic")
                .baseUrl("http://127.0.0.1:" + closedPort).apiMode(ApiMode.ANTHROPIC_MESSAGES).build());

        HttpResponse<String> response = send("/v1/messages/count_tokens",
                "{\"model\":\"claude-sonnet-4-6\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}",
                claudeCodeHeaders());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parseOrNull(response.body()).path("input_tokens").asInt()).isPositive();
    }
}
