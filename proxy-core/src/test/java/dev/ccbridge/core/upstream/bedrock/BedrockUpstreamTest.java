package dev.ccbridge.core.upstream.bedrock;

import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Received;
import dev.ccbridge.fake.rules.Errors;
import dev.ccbridge.fake.wire.EventStreamFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.MemoryResponse;
import dev.ccbridge.core.upstream.Cancellation;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Bedrock upstream against a fake endpoint over real HTTP: credentials, errors, limits, cancellation. */
class BedrockUpstreamTest {
    private static final List<EventStreamFrame> HELLO = List.of(
            EventStreamFrame.event("messageStart", "{\"role\":\"assistant\"}"),
            EventStreamFrame.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hello\"}}"),
            EventStreamFrame.event("contentBlockStop", "{\"contentBlockIndex\":0}"),
            EventStreamFrame.event("messageStop", "{\"stopReason\":\"end_turn\"}"),
            EventStreamFrame.event("metadata", "{\"usage\":{\"inputTokens\":3,\"outputTokens\":1,\"totalTokens\":4}}"));

    private FakeProvider fake;
    private BedrockClients clients;
    private BedrockUpstream upstream;

    @BeforeEach
    void start() {
        fake = BedrockReplies.start();
        clients = new BedrockClients(BedrockSettingsTest.profiles("""
                [profile dev]
                aws_access_key_id = AKIDPROFILETEST00001
                aws_secret_access_key = profileSecretForTests
                """));
        upstream = new BedrockUpstream(clients, Map.of());
    }

    @AfterEach
    void stop() {
        clients.close();
        fake.close();
    }

    private MemoryResponse run(Map<String, String> options, Optional<String> key) {
        return BedrockRun.run(upstream, BedrockRun.target(fake.rootUrl(), options), BedrockRun.REQUEST, key);
    }

    private static String text(MemoryResponse sink) {
        return sink.message().content().toString();
    }

    @Test
    void aBedrockApiKeyGoesAsBearerTokenToTheModelsStreamPath() {
        fake.replying(BedrockReplies.stream(HELLO));
        MemoryResponse sink = run(Map.of(), Optional.of(BedrockRun.API_KEY));
        assertThat(sink.failure()).isNull();
        assertThat(text(sink)).contains("Hello");
        Received request = fake.last();
        assertThat(request.header("authorization")).isEqualTo("Bearer " + BedrockRun.API_KEY);
        assertThat(request.segment(1)).isEqualTo(BedrockRun.MODEL);
        assertThat(request.path()).isEqualTo("/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse-stream");
    }

    @Test
    void aNamedProfileSignsTheRequestWithSigV4ForItsRegion() {
        fake.replying(BedrockReplies.stream(HELLO));
        MemoryResponse sink = run(Map.of("profile", "dev", "region", "eu-west-1"), Optional.empty());
        assertThat(sink.failure()).isNull();
        String authorization = fake.last().header("authorization");
        assertThat(authorization).startsWith("AWS4-HMAC-SHA256 Credential=AKIDPROFILETEST00001/")
                .contains("/eu-west-1/bedrock/aws4_request");
        assertThat(fake.last().header("x-amz-date")).isNotBlank();
    }

    @Test
    void missingCredentialsAreAnAuthenticationErrorThatNamesEveryWayToProvideThem() {
        fake.replying(BedrockReplies.stream(HELLO));
        MemoryResponse sink = run(Map.of("profile", "nosuch"), Optional.empty());
        ApiError error = sink.failure();
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.type()).isEqualTo("authentication_error");
        assertThat(error.message()).contains("nosuch", "AWS_ACCESS_KEY_ID", "aws sso login", "profile", "keychain",
                "AWS_BEARER_TOKEN_BEDROCK");
        assertThat(sink.header("x-should-retry")).isEqualTo("false");
        assertThat(fake.received()).isEmpty();
        assertThat(sink.events()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} -> {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            429 | ThrottlingException         | Too many requests, please wait before trying again.     | 429 | rate_limit_error      | is throttling requests
            400 | ValidationException         | messages.1: tool_use ids were found without tool_result | 400 | invalid_request_error | tool_use ids were found
            400 | ValidationException         | Input is too long for requested model.                  | 400 | invalid_request_error | prompt is too long:
            403 | AccessDeniedException       | You don't have access to the model with the specified model ID. | 403 | permission_error | bedrock:InvokeModelWithResponseStream
            403 | UnrecognizedClientException | The security token included in the request is invalid.  | 401 | authentication_error  | rejected the credentials
            404 | ResourceNotFoundException   | Model not found.                                        | 404 | not_found_error       | check the model id
            408 | ModelTimeoutException       | Model has timed out in processing the request.          | 504 | api_error             | timed out
            424 | ModelErrorException         | The model failed.                                       | 500 | api_error             | the model failed
            429 | ModelNotReadyException      | Model is not ready to serve inference requests.         | 529 | overloaded_error      | not ready
            500 | InternalServerException     | Internal server error.                                  | 500 | api_error             | failed
            503 | ServiceUnavailableException | Service is temporarily unavailable.                     | 529 | overloaded_error      | unavailable
            """)
    void errorsBeforeTheStreamBecomeTheAnthropicErrorClaudeCodeActsOn(int status, String errorType, String message,
                                                                       int expectedStatus, String expectedType,
                                                                       String expectedText) {
        fake.replying(Errors.bedrockBody(status, errorType, "{\"message\":\"" + message + "\"}"));
        MemoryResponse sink = run(Map.of(), Optional.of(BedrockRun.API_KEY));
        ApiError error = sink.failure();
        assertThat(error.status()).isEqualTo(expectedStatus);
        assertThat(error.type()).isEqualTo(expectedType);
        assertThat(error.message()).contains(expectedText);
        assertThat(error.message()).contains(expectedText.startsWith("prompt is too long") ? message
                : "AWS request id " + Errors.BEDROCK_REQUEST_ID);
        assertThat(error.message()).doesNotContain(BedrockRun.API_KEY);
        assertThat(sink.events()).as("nothing sent, so the gateway can still answer with the status").isEmpty();
    }

    @Test
    void theContextOverflowMessageIsTheOneThatMakesClaudeCodeCompact() {
        fake.replying(Errors.bedrockBody(400, "ValidationException", "{\"message\":\"Input is too long for requested model.\"}"));
        ApiError error = run(Map.of(), Optional.of(BedrockRun.API_KEY)).failure();
        assertThat(error.message()).matches("prompt is too long: \\d+ tokens > 200000 maximum \\(upstream: .*\\)");
    }

    @Test
    void theRequestCarriesClampedLimitsThinkingAndOnlyBetasBedrockKnows() {
        fake.replying(BedrockReplies.stream(HELLO));
        String request = """
                {"model":"claude-opus-4-6","max_tokens":200000,"stream":true,
                 "thinking":{"type":"enabled","budget_tokens":50000},
                 "system":[{"type":"text","text":"You are Claude Code.","cache_control":{"type":"ephemeral"}}],
                 "messages":[{"role":"user","content":"hi"}]}
                """;
        MemoryResponse sink = BedrockRun.run(upstream, BedrockRun.target(fake.rootUrl(), Map.of()), request,
                Optional.of(BedrockRun.API_KEY), new Cancellation(),
                Map.of("anthropic-beta", "claude-code-20250219,interleaved-thinking-2025-05-14,oauth-2025-04-20"));
        assertThat(sink.failure()).isNull();
        JsonNode body = fake.last().json();
        assertThat(body.at("/inferenceConfig/maxTokens").asInt()).isEqualTo(64000);
        assertThat(body.at("/additionalModelRequestFields/thinking/type").asText()).isEqualTo("enabled");
        assertThat(body.at("/additionalModelRequestFields/thinking/budget_tokens").asInt()).isEqualTo(50000);
        assertThat(body.at("/additionalModelRequestFields/anthropic_beta").toString())
                .isEqualTo("[\"interleaved-thinking-2025-05-14\"]");
        assertThat(body.at("/system/0/text").asText()).isEqualTo("You are Claude Code.");
        assertThat(body.at("/system/1/cachePoint/type").asText()).isEqualTo("default");
        assertThat(body.at("/messages/0/content/0/text").asText()).isEqualTo("hi");
        assertThat(body.has("toolConfig")).isFalse();
    }

    @Test
    void toolInputThatIsNotCompleteJsonIsNeverHandedToClaudeCodeAsAFinishedCall() {
        fake.replying(BedrockReplies.stream(List.of(
                EventStreamFrame.event("messageStart", "{\"role\":\"assistant\"}"),
                EventStreamFrame.event("contentBlockStart", "{\"contentBlockIndex\":0,\"start\":{\"toolUse\":"
                        + "{\"toolUseId\":\"tooluse_1\",\"name\":\"Bash\"}}}"),
                EventStreamFrame.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"toolUse\":"
                        + "{\"input\":\"{\\\"command\\\":\\\"ls\"}}}"),
                EventStreamFrame.event("contentBlockStop", "{\"contentBlockIndex\":0}"),
                EventStreamFrame.event("messageStop", "{\"stopReason\":\"tool_use\"}"))));
        MemoryResponse sink = run(Map.of(), Optional.of(BedrockRun.API_KEY));
        assertThat(sink.failure().type()).isEqualTo("api_error");
        assertThat(sink.failure().message()).contains("not complete JSON");
        assertThat(sink.events()).extracting(e -> e.type()).doesNotContain("message_delta", "message_stop");
    }

    @Test
    void aClientThatGoesAwayStopsTheCallAndNothingMoreIsSent() throws Exception {
        fake.replying(BedrockReplies.streamThenHang(HELLO.subList(0, 2)));
        var cancellation = new Cancellation();
        var done = CompletableFuture.supplyAsync(() -> BedrockRun.run(upstream,
                BedrockRun.target(fake.rootUrl(), Map.of()), BedrockRun.REQUEST, Optional.of(BedrockRun.API_KEY),
                cancellation, Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> !fake.received().isEmpty());
        // The first frames arrive, then the cancel: nothing more after it.
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        cancellation.cancel();
        MemoryResponse sink = done.get(5, TimeUnit.SECONDS);
        assertThat(sink.failure()).as("a cancelled exchange reports nothing").isNull();
        assertThat(sink.events()).extracting(e -> e.type()).doesNotContain("message_stop");
    }

    @Test
    void anUpstreamThatFallsSilentMidAnswerIsCutAfterTheIdleLimit() throws Exception {
        fake.replying(BedrockReplies.streamThenHang(HELLO.subList(0, 2)));
        long start = System.nanoTime();
        MemoryResponse sink = CompletableFuture.supplyAsync(() -> run(Map.of("idleTimeoutSeconds", "1"),
                Optional.of(BedrockRun.API_KEY))).get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(sink.failure().type()).isEqualTo("api_error");
        assertThat(sink.failure().message()).contains("stopped sending data for 1 s");
        assertThat(sink.events()).extracting(e -> e.type()).contains("content_block_delta").doesNotContain("message_stop");
    }

    @Test
    void anUpstreamThatNeverAnswersIsAGatewayTimeout() throws Exception {
        fake.replying(BedrockReplies.silence());
        MemoryResponse sink = CompletableFuture.supplyAsync(() -> run(Map.of("firstByteTimeoutSeconds", "1"),
                Optional.of(BedrockRun.API_KEY))).get(10, TimeUnit.SECONDS);
        assertThat(sink.failure().status()).isEqualTo(504);
        assertThat(sink.failure().message()).contains("did not answer within 1 s");
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void anUnreachableEndpointIsABadGateway() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        MemoryResponse sink = BedrockRun.run(upstream, BedrockRun.target("http://127.0.0.1:" + closedPort, Map.of()),
                BedrockRun.REQUEST, Optional.of(BedrockRun.API_KEY));
        assertThat(sink.failure().status()).isEqualTo(502);
        assertThat(sink.failure().message()).contains("could not reach Bedrock");
    }

    @Test
    void aTargetWithoutModelIsAConfigurationErrorNotWorthRetrying() {
        var target = Target.builder().id("bedrock").name("Bedrock").provider("aws").apiMode(ApiMode.BEDROCK_CONVERSE)
                .options(Map.of("region", "us-east-1", "endpoint", fake.rootUrl())).build();
        String request = BedrockRun.REQUEST.replace("\"claude-sonnet-4-6\"", "\"\"");
        MemoryResponse sink = BedrockRun.run(upstream, target, request, Optional.of(BedrockRun.API_KEY));
        assertThat(sink.failure().status()).isEqualTo(400);
        assertThat(sink.failure().message()).contains("no model");
        assertThat(sink.header("x-should-retry")).isEqualTo("false");
        assertThat(fake.received()).isEmpty();
    }
}
