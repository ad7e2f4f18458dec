package dev.ccbridge.core.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.testing.Fixtures;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.testing.RawHttp;
import dev.ccbridge.core.testing.SseText;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway end to end over real HTTP: a Claude-Code-shaped request in, a WireMock Chat
 * Completions upstream behind, the answer read back as Claude Code reads it.
 */
class GatewayChatEndToEndTest {
    private static final String CHAT = "/v1/chat/completions";
    private static final String CLAUDE_CODE_BODY = Fixtures.text("requests/claude-code-2.1.json");

    private static WireMockServer upstream;
    private static GatewayHarness gateway;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        upstream.start();
        gateway = GatewayHarness.start(GatewayHarness.chatTarget(upstream.baseUrl() + "/v1", "gpt-5.1"));
    }

    @BeforeEach
    void forgetEarlierTests() {
        upstream.resetAll();
        gateway.log.clear();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.stop();
    }

    private void upstreamStreams(String goldenScenario) {
        upstream.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(Fixtures.text("golden/chat_completions/" + goldenScenario + "/upstream.sse"))));
    }

    private LoggedRequest onlyUpstreamRequest() {
        List<LoggedRequest> requests = upstream.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlEqualTo(CHAT)));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    @Test
    void claudeCodesStreamingRequestGetsTheFullEventSequence() {
        upstreamStreams("tools");

        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", CLAUDE_CODE_BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
        assertThat(response.headers().firstValue("request-id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        List<SseText.Frame> frames = SseText.parse(response.body());
        assertThat(frames).extracting(SseText.Frame::event).containsExactly("message_start",
                "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        frames.forEach(f -> assertThat(f.data().path("type").asText()).isEqualTo(f.event()));
        assertThat(frames.getFirst().data().path("message").path("model").asText()).isEqualTo("claude-sonnet-4-6");
        assertThat(frames.get(8).data().path("delta").path("stop_reason").asText()).isEqualTo("tool_use");

        LoggedRequest sent = onlyUpstreamRequest();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + GatewayHarness.KEY);
        assertThat(sent.getBodyAsString()).doesNotContain(gateway.registry.installToken());
        JsonNode body = Json.parseOrNull(sent.getBodyAsString());
        assertThat(body.path("model").asText()).isEqualTo("gpt-5.1");
        // Claude Code's thirteen tools, and its web search as a function ccbridge answers.
        assertThat(body.path("tools")).hasSize(14);
        assertThat(body.path("tools").get(13).path("function").path("name").asText()).isEqualTo("web_search");
    }

    @Test
    void aNonStreamingRequestGetsOneMessageFoldedFromTheStream() {
        upstreamStreams("tools");
        String body = CLAUDE_CODE_BODY.replace("\"stream\": true", "\"stream\": false");

        HttpResponse<String> response = gateway.post("/v1/messages", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode message = Json.parseOrNull(response.body());
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(message.path("content").get(1).path("input").path("file_path").asText()).isEqualTo("/src/Main.java");
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(2140);
        // The upstream was streamed anyway: no long silent wait for Claude Code's timeout to cut.
        assertThat(Json.parseOrNull(onlyUpstreamRequest().getBodyAsString()).path("stream").asBoolean()).isTrue();
    }

    @Test
    void tierAndCustomModelNamesReachTheUpstreamAsConfigured() {
        upstreamStreams("text");
        gateway.post("/v1/messages", "{\"model\":\"claude-3-5-haiku-20241022\",\"max_tokens\":5,\"stream\":false,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        gateway.post("/v1/messages", "{\"model\":\"my-own-model\",\"max_tokens\":5,\"stream\":false,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        List<String> models = upstream.findAll(com.github.tomakehurst.wiremock.client.WireMock
                        .postRequestedFor(urlEqualTo(CHAT))).stream()
                .map(r -> Json.parseOrNull(r.getBodyAsString()).path("model").asText()).toList();
        assertThat(models).containsExactly("gpt-5.1-mini", "my-own-model");
    }

    @Test
    void rateLimitsKeepTheirStatusAndRetryAfterSoClaudeCodeRetries() {
        upstream.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(429).withHeader("retry-after", "7")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\"}}")));

        HttpResponse<String> response = gateway.post("/v1/messages", CLAUDE_CODE_BODY);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("7");
        JsonNode error = Json.parseOrNull(response.body());
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.path("error").path("provider_error").path("error").path("message").asText())
                .isEqualTo("Rate limit reached for requests");
    }

    @Test
    void contextOverflowBecomesThePromptTooLongErrorThatTriggersCompaction() {
        upstream.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens. However, "
                        + "your messages resulted in 131072 tokens.\",\"code\":\"context_length_exceeded\"}}")));

        HttpResponse<String> response = gateway.post("/v1/messages", CLAUDE_CODE_BODY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parseOrNull(response.body()).path("error").path("message").asText())
                .startsWith("prompt is too long: 131072 tokens > 128000 maximum");
    }

    @Test
    void aRejectedKeyIsReportedWithoutTheKey() {
        upstream.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + GatewayHarness.KEY + "\"}}")));

        HttpResponse<String> response = gateway.post("/v1/messages", CLAUDE_CODE_BODY);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("authentication_error").contains("Upstream rejected the API key")
                .doesNotContain(GatewayHarness.KEY);
    }

    @Test
    void anUnreachableUpstreamIsARetryableServerError() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var down = gateway.registry.put(GatewayHarness.chatTarget("http://127.0.0.1:" + closedPort + "/v1", "gone")
                .withId("down"));
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl()
                        + "/api/claude-code-proxy/" + down.routeKey() + "/v1/messages"))
                .header("Authorization", "Bearer " + down.token())
                .POST(HttpRequest.BodyPublishers.ofString(CLAUDE_CODE_BODY)));

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode error = Json.parseOrNull(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("api_error");
        assertThat(error.path("message").asText()).contains("could not reach Upstream").contains("connection refused");
    }

    @Test
    void anErrorAfterTheStreamStartedIsAnErrorEventWithoutMessageStop() {
        upstreamStreams("error_chunk");

        HttpResponse<String> response = gateway.post("/v1/messages", CLAUDE_CODE_BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        List<SseText.Frame> frames = SseText.parse(response.body());
        assertThat(frames.getLast().event()).isEqualTo("error");
        assertThat(frames).extracting(SseText.Frame::event).doesNotContain("message_stop");
    }

    @Test
    void everyRequestLandsInTheRequestLogWithItsOutcome() {
        upstreamStreams("text");
        gateway.post("/v1/messages", CLAUDE_CODE_BODY);

        RequestRecord record = gateway.log.snapshot().getLast();
        RequestRecord.Completed done = record.completion().orElseThrow();
        assertThat(done.status()).isEqualTo(200);
        assertThat(record.routing().requestedModel()).isEqualTo("claude-sonnet-4-6");
        assertThat(record.routing().upstreamModel()).isEqualTo("gpt-5.1");
        assertThat(done.usage().cacheReadInputTokens()).isEqualTo(1024);
        assertThat(done.firstTokenMillis()).isNotNull();
        assertThat(record.responseBody()).contains("Hello, world.");
    }

    @Test
    void badInputGetsAClearClientError() {
        assertThat(gateway.post("/v1/messages", "{not json").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = gateway.post("/v1/messages", "{\"model\":\"m\",\"max_tokens\":1}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("invalid_request_error").contains("messages: Field required");
        HttpResponse<String> wrongType = gateway.post("/v1/messages",
                "{\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":5}]}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).doesNotContain("dev.ccbridge").doesNotContain("Exception");
    }

    @Test
    void tokensAreChecked() {
        var noToken = gateway.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/messages"))
                .POST(HttpRequest.BodyPublishers.ofString(CLAUDE_CODE_BODY)));
        assertThat(noToken.statusCode()).isEqualTo(401);
        var wrong = gateway.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/messages"))
                .header("x-api-key", "ccb_wrong").POST(HttpRequest.BodyPublishers.ofString(CLAUDE_CODE_BODY)));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Json.parseOrNull(wrong.body()).path("error").path("type").asText()).isEqualTo("authentication_error");
        // A real Anthropic key left in x-api-key does not spoil ccbridge's bearer token.
        upstreamStreams("text");
        var both = gateway.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/messages"))
                .header("x-api-key", "sk-ant-api03-real-key")
                .header("Authorization", "Bearer " + gateway.registry.installToken())
                .POST(HttpRequest.BodyPublishers.ofString(CLAUDE_CODE_BODY)));
        assertThat(both.statusCode()).isEqualTo(200);
    }

    @Test
    void perTargetRoutesUseTheirOwnToken() {
        upstreamStreams("text");
        var target = gateway.active();
        String url = gateway.baseUrl() + "/api/claude-code-proxy/" + target.routeKey() + "/v1/messages";
        var ok = gateway.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + target.token())
                .POST(HttpRequest.BodyPublishers.ofString(CLAUDE_CODE_BODY)));
        assertThat(ok.statusCode()).isEqualTo(200);
        var installToken = gateway.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + gateway.registry.installToken())
                .POST(HttpRequest.BodyPublishers.ofString(CLAUDE_CODE_BODY)));
        assertThat(installToken.statusCode()).isEqualTo(401);
        var unknown = gateway.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl()
                        + "/api/claude-code-proxy/bm9wZQ/v1/messages"))
                .header("Authorization", "Bearer " + target.token()).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Json.parseOrNull(unknown.body()).path("error").path("type").asText()).isEqualTo("not_found_error");
    }

    @Test
    void probesAnswerWithoutAToken() {
        var head = gateway.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        var get = gateway.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/")).GET());
        assertThat(get.statusCode()).isEqualTo(200);
    }

    @Test
    void requestsForOtherHostNamesAreRefused() {
        // A web page that rebinds its own DNS name to 127.0.0.1 still sends its own name as Host.
        String rebind = RawHttp.exchange(gateway.server.port(), "GET /v1/models HTTP/1.1\r\n"
                + "Host: attacker.example:" + gateway.server.port() + "\r\n"
                + "x-api-key: " + gateway.registry.installToken() + "\r\nConnection: close\r\n\r\n");
        assertThat(rebind).startsWith("HTTP/1.1 403").contains("permission_error");
        String localhost = RawHttp.exchange(gateway.server.port(), "GET /v1/models HTTP/1.1\r\n"
                + "Host: localhost:" + gateway.server.port() + "\r\n"
                + "x-api-key: " + gateway.registry.installToken() + "\r\nConnection: close\r\n\r\n");
        assertThat(localhost).startsWith("HTTP/1.1 200");
    }

    @Test
    void countTokensCountsWhatIsSent() {
        HttpResponse<String> small = gateway.post("/v1/messages/count_tokens?beta=true",
                "{\"model\":\"claude-sonnet-4-6\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
        HttpResponse<String> big = gateway.post("/v1/messages/count_tokens?beta=true", CLAUDE_CODE_BODY);
        assertThat(small.statusCode()).isEqualTo(200);
        long smallCount = Json.parseOrNull(small.body()).path("input_tokens").asLong();
        long bigCount = Json.parseOrNull(big.body()).path("input_tokens").asLong();
        assertThat(smallCount).isBetween(2L, 20L);
        // The fixture holds ~9.7 KB of prompt, tools and history: around two thousand tokens, not a constant.
        assertThat(bigCount).isBetween(1500L, 4000L);
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void modelsAreListedInAnthropicsFormatWithPaging() {
        JsonNode all = Json.parseOrNull(gateway.get("/v1/models").body());
        assertThat(all.path("data").findValues("id")).extracting(JsonNode::asText)
                .contains("claude-opus-5-5", "claude-sonnet-5-5", "claude-haiku-5-5", "claude-opus-4-7",
                        "claude-sonnet-4-6", "claude-haiku-4-5", "gpt-5.1", "gpt-5.1-mini");
        assertThat(all.path("data").get(0).path("type").asText()).isEqualTo("model");
        assertThat(all.path("has_more").asBoolean()).isFalse();

        JsonNode page = Json.parseOrNull(gateway.get("/v1/models?limit=2").body());
        assertThat(page.path("data")).hasSize(2);
        assertThat(page.path("has_more").asBoolean()).isTrue();
        assertThat(page.path("last_id").asText()).isEqualTo("claude-sonnet-5-5");
        JsonNode next = Json.parseOrNull(gateway.get("/v1/models?limit=2&after_id=claude-sonnet-5-5").body());
        assertThat(next.path("first_id").asText()).isEqualTo("claude-haiku-5-5");
        JsonNode previous = Json.parseOrNull(gateway.get("/v1/models?limit=2&before_id=claude-haiku-5-5").body());
        assertThat(previous.path("data").findValues("id")).extracting(JsonNode::asText)
                .containsExactly("claude-opus-5-5", "claude-sonnet-5-5");
        assertThat(previous.path("has_more").asBoolean()).isFalse();
    }
}
