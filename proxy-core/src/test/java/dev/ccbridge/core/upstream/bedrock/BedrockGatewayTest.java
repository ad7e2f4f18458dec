package dev.ccbridge.core.upstream.bedrock;

import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Received;
import dev.ccbridge.fake.rules.Errors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.testing.SseText;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code bedrock_converse} target end to end: Claude Code's HTTP request into the gateway, the
 * AWS SDK to a fake Bedrock endpoint, and the SSE (or JSON) Claude Code reads back.
 */
class BedrockGatewayTest {
    /** The second turn of a tool loop, as Claude Code sends it. */
    private static final String TOOL_LOOP = """
            {"model":"claude-sonnet-4-6","max_tokens":32000,"stream":%s,
             "system":[{"type":"text","text":"You are Claude Code.","cache_control":{"type":"ephemeral"}}],
             "tools":[{"name":"Read","description":"Read a file","input_schema":{"type":"object",
               "properties":{"file_path":{"type":"string"}}}}],
             "messages":[{"role":"user","content":"What is in /a?"},
               {"role":"assistant","content":[{"type":"tool_use","id":"toolu_01","name":"Read","input":{"file_path":"/a"}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01","content":"hello"}]}]}
            """;

    private FakeProvider fake;
    private GatewayHarness gateway;

    @BeforeEach
    void start() {
        fake = BedrockReplies.start();
        gateway = GatewayHarness.start(BedrockRun.target(fake.rootUrl(), Map.of()));
    }

    @AfterEach
    void stop() {
        gateway.close();
        fake.close();
    }

    @Test
    void aStreamedAnswerReachesClaudeCodeAsAnthropicSse() {
        fake.replying(BedrockReplies.stream(BedrockReplies.scenario("tools")));
        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", TOOL_LOOP.formatted("true"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v ->
                assertThat(v).startsWith("text/event-stream"));
        List<SseText.Frame> frames = SseText.parse(response.body());
        assertThat(frames).extracting(SseText.Frame::event).startsWith("message_start").endsWith("message_stop")
                .doesNotContain("error");
        assertThat(frames).filteredOn(f -> f.event().equals("message_delta")).singleElement()
                .satisfies(f -> assertThat(f.data().at("/delta/stop_reason").asText()).isEqualTo("tool_use"));
        assertThat(frames).filteredOn(f -> f.event().equals("content_block_start"))
                .extracting(f -> f.data().at("/content_block/name").asText(null))
                .containsExactly(null, "Read", "Glob");

        Received request = fake.last();
        assertThat(request.header("authorization")).isEqualTo("Bearer " + GatewayHarness.KEY);
        JsonNode body = request.json();
        assertThat(body.at("/toolConfig/tools/0/toolSpec/name").asText()).isEqualTo("Read");
        assertThat(body.at("/messages/1/content/0/toolUse/toolUseId").asText()).isEqualTo("toolu_01");
        assertThat(body.at("/messages/2/content/0/toolResult/toolUseId").asText()).isEqualTo("toolu_01");
        assertThat(body.at("/messages/2/content/0/toolResult/content/0/text").asText()).isEqualTo("hello");
    }

    @Test
    void aNonStreamingRequestGetsOneJsonMessage() {
        fake.replying(BedrockReplies.stream(BedrockReplies.scenario("text")));
        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", TOOL_LOOP.formatted("false"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode message = Json.parseOrNull(response.body());
        assertThat(message.at("/type").asText()).isEqualTo("message");
        assertThat(message.at("/content/0/text").asText()).isEqualTo("Hello, world.");
        assertThat(message.at("/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(message.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(2048);
    }

    @Test
    void throttlingBeforeTheStreamIsAn429ThatClaudeCodeRetries() {
        fake.replying(Errors.bedrockBody(429, "ThrottlingException", "{\"message\":\"Too many requests, please wait before trying again.\"}"));
        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", TOOL_LOOP.formatted("true"));
        assertThat(response.statusCode()).isEqualTo(429);
        JsonNode body = Json.parseOrNull(response.body());
        assertThat(body.at("/type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo("rate_limit_error");
        assertThat(body.at("/error/message").asText()).contains(Errors.BEDROCK_REQUEST_ID);
        assertThat(response.body()).doesNotContain(GatewayHarness.KEY);
    }

    @Test
    void aStreamCutBeforeMessageStopEndsWithAnErrorEventNeverAFinishedAnswer() {
        fake.replying(BedrockReplies.stream(BedrockReplies.scenario("cut_tool")));
        HttpResponse<String> response = gateway.post("/v1/messages?beta=true", TOOL_LOOP.formatted("true"));
        assertThat(response.statusCode()).isEqualTo(200);
        List<SseText.Frame> frames = SseText.parse(response.body());
        assertThat(frames.getLast().event()).isEqualTo("error");
        assertThat(frames).extracting(SseText.Frame::event).doesNotContain("content_block_stop", "message_stop");
    }
}
