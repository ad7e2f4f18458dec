package dev.ccbridge.core.upstream.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.testing.SseText;
import dev.ccbridge.core.translate.common.CarriedSignature;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Thinking signatures of Anthropic-compatible gateways (DeepSeek's, Kimi's, GLM's Anthropic
 * endpoints) over real HTTP: relayed to Claude Code tagged with the target, sent back in their
 * own form to that target only, and a signature an upstream still refuses costs one more attempt
 * without thinking, never an error Claude Code sees.
 */
class GatewaySignaturesTest {
    private static final String GATEWAY_SIGNATURE = "EsgDCkYIBxgCKkDeepSeekGatewaySig0001";
    private static final String THINKING_SSE = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","model":"deepseek-v4-pro","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Greet back."}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"%s"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hello!"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":5}}

            event: message_stop
            data: {"type":"message_stop"}

            """.formatted(GATEWAY_SIGNATURE);
    private static final String REQUEST = """
            {"model":"claude-sonnet-4-6","max_tokens":32000,"stream":true,"thinking":{"type":"enabled","budget_tokens":2000},\
            "messages":[{"role":"user","content":"hi"}]}""";
    private static final String NEXT_TURN = """
            {"model":"claude-sonnet-4-6","max_tokens":32000,"stream":true,"thinking":{"type":"enabled","budget_tokens":2000},\
            "messages":[{"role":"user","content":"hi"},{"role":"assistant","content":[{"type":"thinking",\
            "thinking":"Greet back.","signature":"%s"},{"type":"text","text":"Hello!"}]},{"role":"user","content":"bye"}]}""";

    private WireMockServer upstream;
    private GatewayHarness gateway;

    @BeforeEach
    void startUpstream() {
        upstream = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        upstream.start();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        upstream.stop();
    }

    private Target target(String id) {
        return Target.builder().id(id).name(id).provider("deepseek").baseUrl("http://127.0.0.1:" + upstream.port())
                .model("deepseek-v4-pro").apiMode(ApiMode.ANTHROPIC_MESSAGES).build();
    }

    private void answerWithThinking() {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(THINKING_SSE)));
    }

    private List<JsonNode> sentBodies() {
        return upstream.findAll(postRequestedFor(urlEqualTo("/v1/messages"))).stream()
                .map(LoggedRequest::getBodyAsString).map(Json::parseOrNull).toList();
    }

    private static String signatureIn(String sse) {
        for (SseText.Frame frame : SseText.parse(sse)) {
            JsonNode delta = frame.data().path("delta");
            if ("signature_delta".equals(delta.path("type").asText())) {
                return delta.path("signature").asText();
            }
        }
        throw new AssertionError("no signature in " + sse);
    }

    @Test
    void aGatewaysSignatureReachesClaudeCodeTaggedWithItsTargetAndNothingElseChanges() {
        answerWithThinking();
        gateway = GatewayHarness.start(target("deepseek-anthropic"));

        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        String tagged = signatureIn(response.body());
        CarriedSignature.Carried carried = CarriedSignature.decode(tagged).orElseThrow();
        assertThat(carried.origin()).isEqualTo(
                new CarriedSignature.Origin("anthropic_messages", "deepseek-anthropic", "deepseek-v4-pro"));
        assertThat(carried.payload().path("signature").asText()).isEqualTo(GATEWAY_SIGNATURE);
        assertThat(response.body().replace(tagged, GATEWAY_SIGNATURE)).isEqualTo(THINKING_SSE);
    }

    @Test
    void theSignatureGoesBackInItsOwnFormToItsTargetAndNowhereElse() {
        answerWithThinking();
        gateway = GatewayHarness.start(target("deepseek-anthropic"));
        String tagged = signatureIn(gateway.post("/v1/messages?beta=true", REQUEST).body());
        String nextTurn = NEXT_TURN.formatted(tagged);

        gateway.post("/v1/messages?beta=true", nextTurn);
        gateway.close();
        gateway = GatewayHarness.start(target("kimi-anthropic"));
        gateway.post("/v1/messages?beta=true", nextTurn);

        List<LoggedRequest> sent = upstream.findAll(postRequestedFor(urlEqualTo("/v1/messages")));
        assertThat(sent).hasSize(3);
        // The same target: Claude Code's bytes with only the model and the signature's own form.
        assertThat(sent.get(1).getBodyAsString()).isEqualTo(nextTurn.replace(tagged, GATEWAY_SIGNATURE)
                .replace("\"claude-sonnet-4-6\"", "\"deepseek-v4-pro\""));
        // Another target never sees it.
        JsonNode elsewhere = Json.parseOrNull(sent.get(2).getBodyAsString());
        assertThat(elsewhere.path("messages").get(1).path("content")).hasSize(1);
        assertThat(elsewhere.toString()).doesNotContain(GATEWAY_SIGNATURE).doesNotContain("ccb1.");
    }

    @Test
    void aWholeJsonAnswerIsTaggedToo() {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"msg_1","type":"message","role":"assistant","model":"deepseek-v4-pro","content":[\
                        {"type":"thinking","thinking":"Greet back.","signature":"%s"},{"type":"text","text":"Hello!"}],\
                        "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":2}}"""
                        .formatted(GATEWAY_SIGNATURE))));
        gateway = GatewayHarness.start(target("deepseek-anthropic"));

        HttpResponse<String> response = gateway.post("/v1/messages", REQUEST.replace("\"stream\":true", "\"stream\":false"));

        JsonNode thinking = Json.parseOrNull(response.body()).path("content").get(0);
        assertThat(CarriedSignature.decode(thinking.path("signature").asText()).orElseThrow().payload()
                .path("signature").asText()).isEqualTo(GATEWAY_SIGNATURE);
        assertThat(Json.parseOrNull(response.body()).path("content").get(1).path("text").asText()).isEqualTo("Hello!");
    }

    @Test
    void aSignatureTheUpstreamRefusesCostsOneAttemptWithoutThinking() {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).atPriority(1)
                .withRequestBody(containing("\"type\":\"thinking\""))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"type":"error","error":{"type":"invalid_request_error",\
                        "message":"messages.1.content.0: Invalid `signature` in `thinking` block"}}""")));
        answerWithThinking();
        gateway = GatewayHarness.start(target("anthropic"));
        // A signature from before ccbridge tagged them: nothing tells it apart from the target's own.
        String history = NEXT_TURN.formatted("EqQBCkYIBxgCKkSignedSomewhereElse");

        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", history);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Hello!");
        List<JsonNode> sent = sentBodies();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).path("messages").get(1).path("content")).hasSize(1);
        assertThat(sent.get(1).path("messages").get(1).path("content").get(0).path("type").asText()).isEqualTo("text");
    }

    @Test
    void aRefusalThatIsNotAboutSignaturesGoesToClaudeCodeAsItCame() {
        String refusal = """
                {"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: too large"}}""";
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(refusal)));
        gateway = GatewayHarness.start(target("anthropic"));

        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", NEXT_TURN.formatted("EqQBCkYIBxgCKk"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(refusal);
        assertThat(sentBodies()).hasSize(1);
    }
}
