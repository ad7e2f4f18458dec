package dev.ccbridge.core.upstream.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.Fixtures;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.testing.SseText;
import dev.ccbridge.core.translate.common.CarriedSignature;
import dev.ccbridge.core.stream.MessageAccumulator;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claude Code -> gateway -> a fake Responses API over real HTTP, and back. */
class ResponsesUpstreamTest {
    private static final String MODEL = "gpt-5-codex";
    private static final String REQUEST = """
            {"model":"claude-sonnet-4-6","max_tokens":32000,"stream":%s,
             "system":[{"type":"text","text":"You are Claude Code."}],
             "thinking":{"type":"enabled","budget_tokens":10000},
             "tools":[{"name":"Read","description":"Reads a file","input_schema":{"type":"object","properties":{"file_path":{"type":"string"}}}}],
             "messages":[{"role":"user","content":"What does Main.java print?"}]}
            """;

    private WireMockServer upstream;
    private GatewayHarness gateway;

    @BeforeEach
    void start() {
        upstream = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        upstream.start();
        Target target = Target.builder().id("codex").name("Codex").provider("openai")
                .baseUrl("http://127.0.0.1:" + upstream.port() + "/v1").model(MODEL)
                .apiMode(ApiMode.CODEX_RESPONSES).tiers(new ModelTiers(null, null, null))
                .headers(Map.of("OpenAI-Beta", "responses=v1")).build();
        gateway = GatewayHarness.start(target);
    }

    @AfterEach
    void stop() {
        gateway.close();
        upstream.stop();
    }

    private void upstreamStreams(String scenario) {
        upstream.stubFor(post(urlEqualTo("/v1/responses")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream; charset=utf-8")
                .withBody(Fixtures.bytes("golden/codex_responses/" + scenario + "/upstream.sse"))));
    }

    private JsonNode upstreamBody() {
        List<LoggedRequest> requests = upstream.findAll(postRequestedFor(urlEqualTo("/v1/responses")));
        assertThat(requests).hasSize(1);
        return Json.parseOrNull(requests.getFirst().getBodyAsString());
    }

    @Test
    void aStreamedAnswerWithAToolCallReachesClaudeCodeAsAnthropicEvents() {
        upstreamStreams("tool_call");

        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", REQUEST.formatted(true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/event-stream"));
        var accumulator = new MessageAccumulator();
        for (SseText.Frame frame : SseText.parse(response.body())) {
            accumulator.accept(Json.WIRE.convertValue(frame.data(), StreamEvent.class));
        }
        var message = Json.WIRE.valueToTree(accumulator.message());
        assertThat(message.path("model").asText()).isEqualTo("claude-sonnet-4-6");
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(message.path("content").get(0).path("text").asText()).isEqualTo("I'll read the file.");
        JsonNode call = message.path("content").get(1);
        assertThat(call.path("id").asText()).isEqualTo("call_8Xq2LmT0pVbN4rWc1sYeHf3K");
        assertThat(call.path("name").asText()).isEqualTo("Read");
        assertThat(call.path("input").path("file_path").asText()).isEqualTo("/src/Main.java");
        assertThat(message.path("usage").path("input_tokens").asLong()).isEqualTo(2140);

        // What the provider received: the target's key and headers, never Claude Code's token.
        LoggedRequest sent = upstream.findAll(postRequestedFor(urlEqualTo("/v1/responses"))).getFirst();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + GatewayHarness.KEY);
        assertThat(sent.getHeader("OpenAI-Beta")).isEqualTo("responses=v1");
        assertThat(sent.containsHeader("x-api-key")).isFalse();
        assertThat(sent.getBodyAsString()).doesNotContain(gateway.registry.installToken());
        JsonNode body = upstreamBody();
        assertThat(body.path("model").asText()).isEqualTo(MODEL);
        assertThat(body.path("instructions").asText()).isEqualTo("You are Claude Code.");
        assertThat(body.path("store").asBoolean(true)).isFalse();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("include").get(0).asText()).isEqualTo("reasoning.encrypted_content");
        assertThat(body.path("reasoning").path("effort").asText()).isEqualTo("medium");
        assertThat(body.path("tools").get(0).path("name").asText()).isEqualTo("Read");
        assertThat(body.path("input").get(0).path("content").get(0).path("text").asText())
                .isEqualTo("What does Main.java print?");
    }

    @Test
    void aNonStreamingRequestGetsOneMessageWithReasoningCarriedInItsSignature() {
        upstreamStreams("reasoning");

        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", REQUEST.formatted(false));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode message = Json.parseOrNull(response.body());
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
        JsonNode thinking = message.path("content").get(0);
        assertThat(thinking.path("type").asText()).isEqualTo("thinking");
        assertThat(thinking.path("thinking").asText()).startsWith("**Reading the file**");
        assertThat(CarriedSignature.decode(thinking.path("signature").asText()).map(CarriedSignature.Carried::payload))
                .hasValueSatisfying(p -> assertThat(p.path("id").asText()).isEqualTo("rs_68a1f3fbd3e48190eac9b8a7f6e5d4c3"));
        assertThat(message.path("content").get(1).path("text").asText()).isEqualTo("It prints \"hello\".");
        assertThat(message.path("usage").path("cache_read_input_tokens").asLong()).isEqualTo(4096);
        assertThat(upstreamBody().path("stream").asBoolean()).isTrue();
    }

    @Test
    void aContextOverflowIsTheErrorThatMakesClaudeCodeCompact() {
        upstream.stubFor(post(urlEqualTo("/v1/responses")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"message":"Your input exceeds the context window of this model. Please adjust your input and try again.",
                                  "type":"invalid_request_error","param":"input","code":"context_length_exceeded"}}
                        """)));

        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", REQUEST.formatted(true));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Json.parseOrNull(response.body());
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("error").path("message").asText()).matches("prompt is too long: \\d+ tokens > \\d+ maximum.*");
        upstream.verify(postRequestedFor(urlEqualTo("/v1/responses")).withHeader("Authorization",
                equalTo("Bearer " + GatewayHarness.KEY)));
    }

    @Test
    void aResponseThatFailsBeforeAnyOutputIsAnHttpErrorClaudeCodeRetries() {
        upstreamStreams("failed");

        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", REQUEST.formatted(true));

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode error = Json.parseOrNull(response.body());
        assertThat(error.path("error").path("type").asText()).isEqualTo("api_error");
        assertThat(error.path("error").path("message").asText()).contains("The server had an error");
    }

    /**
     * A deployment whose name says nothing (Azure names them freely) is asked for reasoning; one
     * serving a model without reasoning refuses that, and gets the request again without it.
     */
    @Test
    void aRenamedDeploymentThatRefusesReasoningGetsTheRequestAgainWithout() {
        gateway.close();
        gateway = GatewayHarness.start(Target.builder().id("azure").name("Azure").provider("azure")
                .baseUrl("http://127.0.0.1:" + upstream.port() + "/v1").model("team-gpt-deployment")
                .apiMode(ApiMode.CODEX_RESPONSES).build());
        upstream.stubFor(post(urlEqualTo("/v1/responses")).atPriority(1)
                .withRequestBody(containing("reasoning.encrypted_content"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Encrypted content is not supported with this model.",
                                  "type":"invalid_request_error","param":"include","code":"unsupported_parameter"}}""")));
        upstream.stubFor(post(urlEqualTo("/v1/responses")).atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(Fixtures.bytes("golden/codex_responses/text/upstream.sse"))));

        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", REQUEST.formatted(false));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<LoggedRequest> sent = upstream.findAll(postRequestedFor(urlEqualTo("/v1/responses")));
        assertThat(sent).hasSize(2);
        JsonNode first = Json.parseOrNull(sent.get(0).getBodyAsString());
        JsonNode second = Json.parseOrNull(sent.get(1).getBodyAsString());
        assertThat(first.path("include").toString()).contains("reasoning.encrypted_content");
        assertThat(second.has("include")).isFalse();
        assertThat(second.has("reasoning")).isFalse();
        assertThat(second.path("input")).isEqualTo(first.path("input"));
    }
}
