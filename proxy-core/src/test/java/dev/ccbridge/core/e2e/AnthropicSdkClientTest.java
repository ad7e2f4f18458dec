package dev.ccbridge.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.ContentTooLargeException;
import com.anthropic.errors.InternalServerException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.PermissionDeniedException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.SseException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.models.ModelInfo;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.testing.Fakes;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.agent.TaskAgent;
import dev.ccbridge.fake.providers.Providers;
import dev.ccbridge.fake.rules.Errors;
import dev.ccbridge.fake.wire.EventStreamFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official Anthropic Java SDK (the newest, which checks every field it reads) as a client of a
 * running ccbridge, in every mode, each served by the conformance profile of a strict provider of
 * that mode (DeepSeek, OpenAI Responses, Anthropic, Bedrock: docs/providers.md), which holds
 * ccbridge to that provider's rules, its rule for reasoning among them: messages, streams
 * through the SDK's accumulator, a tool round trip with thinking, models, token counts, and every
 * error as the SDK's own typed exception. Each upstream model is one the catalog does not know.
 */
class AnthropicSdkClientTest {
    private static final String CLAUDE = "claude-sonnet-4-6";
    private static final TaskAgent AGENT = TaskAgent.WEATHER;
    private static final List<ApiMode> MODES = List.of(ApiMode.CHAT_COMPLETIONS, ApiMode.CODEX_RESPONSES,
            ApiMode.ANTHROPIC_MESSAGES, ApiMode.BEDROCK_CONVERSE);
    private static final Tool WEATHER = Tool.builder().name(AGENT.tool()).description("Current weather")
            .inputSchema(Tool.InputSchema.builder()
                    .properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
                    .required(List.of("city")).build())
            .build();

    /** A strict fake provider of one mode behind a running gateway, and the SDK pointed at the gateway. */
    private static final class Bench implements AutoCloseable {
        final ApiMode mode;
        final FakeProvider provider;
        final GatewayHarness gateway;
        final AnthropicClient client;

        Bench(ApiMode mode, ServerSettings settings) {
            this.mode = mode;
            this.provider = FakeProvider.start(profile(mode));
            this.gateway = GatewayHarness.start(Fakes.target(mode, provider, model()).toBuilder()
                    .id("fake-" + mode.wireName()).build(), settings);
            this.client = AnthropicOkHttpClient.builder().baseUrl(gateway.baseUrl())
                    .apiKey(gateway.registry.installToken()).maxRetries(0).build();
        }

        Bench(ApiMode mode) {
            this(mode, ServerSettings.onPort(0));
        }

        private static Profile profile(ApiMode mode) {
            String preset = switch (mode) {
                case CHAT_COMPLETIONS -> "deepseek";
                case CODEX_RESPONSES -> "openai-responses";
                case ANTHROPIC_MESSAGES -> "anthropic";
                default -> "bedrock";
            };
            return Providers.forPreset(preset).answering(AGENT);
        }

        /** From now on the provider answers every request with {@code reply}. */
        void answer(Reply reply) {
            provider.replying(reply);
        }

        /** A model name no catalog entry matches: what ccbridge does must not depend on it. */
        String model() {
            return switch (mode) {
                case CHAT_COMPLETIONS -> "team-vllm-alias";
                case CODEX_RESPONSES -> "team-azure-deployment";
                case ANTHROPIC_MESSAGES -> "team-gateway-model";
                default -> "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
            };
        }

        int providerRequests() {
            return provider.received().size();
        }

        @Override
        public void close() {
            client.close();
            gateway.close();
            provider.close();
        }
    }

    private static MessageCreateParams ask(String question) {
        return MessageCreateParams.builder().model(CLAUDE).maxTokens(4096).addUserMessage(question).build();
    }

    private static MessageCreateParams askAboutWeather() {
        return MessageCreateParams.builder().model(CLAUDE).maxTokens(4096).enabledThinking(2048)
                .addTool(WEATHER).addUserMessage("What is the weather in Paris?").build();
    }

    private static Message streamed(AnthropicClient client, MessageCreateParams params) {
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        return accumulator.message();
    }

    private static String text(Message message) {
        var out = new StringBuilder();
        message.content().forEach(block -> block.text().ifPresent(t -> out.append(t.text())));
        return out.toString();
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void aMessageIsCreated(ApiMode mode) throws Exception {
        try (var bench = new Bench(mode)) {
            Message message = bench.client.messages().create(ask("Say something"));

            assertThat(text(message)).isEqualTo("OK");
            // A translated answer names the model asked for; a relayed one is the gateway's own, byte for byte.
            assertThat(message.model().asString()).isEqualTo(mode == ApiMode.ANTHROPIC_MESSAGES ? bench.model() : CLAUDE);
            assertThat(message.stopReason()).contains(StopReason.END_TURN);
            assertThat(message.usage().inputTokens()).isPositive();
            assertThat(message.usage().outputTokens()).isPositive();
            message.validate();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void aStreamAddsUpInTheSdksAccumulator(ApiMode mode) throws Exception {
        try (var bench = new Bench(mode)) {
            Message message = streamed(bench.client, ask("Say something"));

            assertThat(text(message)).isEqualTo("OK");
            assertThat(message.stopReason()).contains(StopReason.END_TURN);
            assertThat(message.usage().outputTokens()).isPositive();
            message.validate();
        }
    }

    /**
     * Thinking, a tool call, its result: the second request carries the first answer as the SDK
     * turns it into a parameter, and the provider's rule for its reasoning must hold, first time
     * (one request per turn: no attempt was refused and retried).
     */
    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void aToolRoundTripKeepsTheReasoningItsProviderWantsBack(ApiMode mode) throws Exception {
        try (var bench = new Bench(mode)) {
            MessageCreateParams first = askAboutWeather();
            Message call = streamed(bench.client, first);

            assertThat(call.stopReason()).contains(StopReason.TOOL_USE);
            assertThat(call.content().getFirst().thinking()).hasValueSatisfying(
                    thinking -> assertThat(thinking.thinking()).isEqualTo(TaskAgent.REASONING));
            ToolUseBlock use = call.content().stream().flatMap(block -> block.toolUse().stream()).findFirst()
                    .orElseThrow();
            assertThat(use.name()).isEqualTo(AGENT.tool());
            assertThat(Json.write(use._input())).isEqualTo(AGENT.arguments());

            Message answer = bench.client.messages().create(first.toBuilder().addMessage(call)
                    .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                            .toolUseId(use.id()).content("sunny").build())))
                    .build());

            assertThat(text(answer)).isEqualTo(TaskAgent.report("sunny"));
            assertThat(bench.providerRequests()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void modelsAreListedAndRetrievedWithEveryFieldTheSdkReads(ApiMode mode) throws Exception {
        try (var bench = new Bench(mode)) {
            List<ModelInfo> models = new ArrayList<>();
            bench.client.models().list().autoPager().forEach(models::add);

            assertThat(models).extracting(ModelInfo::id).contains(CLAUDE, "claude-opus-4-7", bench.model());
            for (ModelInfo model : models) {
                model.validate();
                assertThat(model.lifecycle()).isEqualTo(ModelInfo.Lifecycle.ACTIVE);
                assertThat(model.maxInputTokens()).hasValueSatisfying(n -> assertThat(n).isPositive());
                assertThat(model.maxTokens()).hasValueSatisfying(n -> assertThat(n).isPositive());
                assertThat(model.capabilities()).isPresent();
            }
            ModelInfo sonnet = bench.client.models().retrieve(CLAUDE);
            assertThat(sonnet.displayName()).contains("via " + bench.model());
            assertThat(sonnet.line()).hasValueSatisfying(line -> assertThat(line.asString()).isEqualTo("sonnet"));
            assertThat(sonnet.capabilities().orElseThrow().thinking().supported()).isTrue();
            assertThatThrownBy(() -> bench.client.models().retrieve("no-such-model"))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void tokensAreCounted(ApiMode mode) throws Exception {
        try (var bench = new Bench(mode)) {
            long tokens = bench.client.messages().countTokens(MessageCountTokensParams.builder().model(CLAUDE)
                    .addTool(WEATHER).addUserMessage("What is the weather in Paris? ".repeat(20)).build())
                    .inputTokens();

            assertThat(tokens).isBetween(50L, 2000L);
        }
    }

    /** Each error the provider can answer, in its own format, and the SDK exception it must become. */
    private record Failure(int anthropicStatus, Class<? extends AnthropicServiceException> exception, ErrorType type) {}

    private static final List<Failure> FAILURES = List.of(
            new Failure(400, BadRequestException.class, ErrorType.INVALID_REQUEST_ERROR),
            new Failure(401, UnauthorizedException.class, ErrorType.AUTHENTICATION_ERROR),
            new Failure(403, PermissionDeniedException.class, ErrorType.PERMISSION_ERROR),
            new Failure(404, NotFoundException.class, ErrorType.NOT_FOUND_ERROR),
            new Failure(413, ContentTooLargeException.class, ErrorType.of("request_too_large")),
            new Failure(429, RateLimitException.class, ErrorType.RATE_LIMIT_ERROR),
            new Failure(500, InternalServerException.class, ErrorType.API_ERROR),
            new Failure(529, OverloadedException.class, ErrorType.OVERLOADED_ERROR));

    static Stream<Arguments> failures() {
        return MODES.stream().flatMap(mode -> FAILURES.stream()
                // Bedrock never answers 413: there the gateway's own body limit stands in (see below).
                .filter(failure -> mode != ApiMode.BEDROCK_CONVERSE || failure.anthropicStatus() != 413)
                .map(failure -> Arguments.of(mode, failure.anthropicStatus())));
    }

    private static Failure failure(int status) {
        return FAILURES.stream().filter(f -> f.anthropicStatus() == status).findFirst().orElseThrow();
    }

    /** Makes the provider answer as it does for {@code status}: OpenAI's, Anthropic's or Bedrock's error. */
    private static void providerFails(Bench bench, int status) {
        Map<String, String> retry = status == 429 ? Map.of("retry-after", "7") : Map.of();
        String message = "refused by the fake provider (" + status + ")";
        switch (bench.mode) {
            case CHAT_COMPLETIONS, CODEX_RESPONSES -> bench.answer(withRetry(Reply.json(status == 529 ? 503 : status,
                    "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}"), retry));
            case ANTHROPIC_MESSAGES -> bench.answer(withRetry(Reply.json(status, "{\"type\":\"error\",\"error\":{\"type\":\""
                    + failure(status).type().asString() + "\",\"message\":\"" + message + "\"}}"), retry));
            default -> {
                String body = "{\"message\":\"" + message + "\"}";
                bench.answer(switch (status) {
                    case 400 -> Errors.bedrockBody(400, "ValidationException", body);
                    case 401 -> Errors.bedrockBody(403, "UnrecognizedClientException", body);
                    case 403 -> Errors.bedrockBody(403, "AccessDeniedException", body);
                    case 404 -> Errors.bedrockBody(404, "ResourceNotFoundException", body);
                    case 429 -> Errors.bedrockBody(429, "ThrottlingException", body);
                    case 500 -> Errors.bedrockBody(500, "InternalServerException", body);
                    case 529 -> Errors.bedrockBody(503, "ServiceUnavailableException", body);
                    default -> throw new IllegalArgumentException("Bedrock has no " + status);
                });
            }
        }
    }

    private static Reply withRetry(Reply reply, Map<String, String> headers) {
        Reply out = reply;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            out = out.withHeader(header.getKey(), header.getValue());
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("failures")
    void aProviderErrorIsTheSdksTypedException(ApiMode mode, int status) throws Exception {
        Failure expected = failure(status);
        try (var bench = new Bench(mode)) {
            providerFails(bench, status);

            for (Runnable call : List.<Runnable>of(() -> bench.client.messages().create(ask("Say something")),
                    () -> streamed(bench.client, ask("Say something")))) {
                assertThatThrownBy(call::run).isInstanceOfSatisfying(expected.exception(), e -> {
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.type()).contains(expected.type());
                    assertThat(e.apiMessage()).hasValueSatisfying(m -> assertThat(m).contains("refused by the fake"));
                    if (status == 429 && mode != ApiMode.BEDROCK_CONVERSE) {
                        assertThat(e.headers().values("retry-after")).containsExactly("7");
                    }
                });
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void aBodyOverTheGatewaysLimitAndAWrongTokenAreTypedToo(ApiMode mode) throws Exception {
        try (var bench = new Bench(mode, ServerSettings.onPort(0).withMaxRequestBytes(64 * 1024))) {
            AnthropicClient stranger = AnthropicOkHttpClient.builder().baseUrl(bench.gateway.baseUrl())
                    .apiKey("ccb_not-the-token").maxRetries(0).build();
            try {
                assertThatThrownBy(() -> bench.client.messages().create(ask("x".repeat(100 * 1024))))
                        .isInstanceOfSatisfying(ContentTooLargeException.class,
                                e -> assertThat(e.type()).contains(ErrorType.of("request_too_large")));
                assertThatThrownBy(() -> stranger.messages().create(ask("Say something")))
                        .isInstanceOf(UnauthorizedException.class);
                assertThat(bench.providerRequests()).isZero();
            } finally {
                stranger.close();
            }
        }
    }

    /** The provider starts answering, then fails: the stream ends with an error event the SDK throws. */
    private static void providerFailsMidAnswer(Bench bench) {
        String partial = "Partial answer";
        switch (bench.mode) {
            case CHAT_COMPLETIONS -> bench.answer(Reply.sse(List.of(
                    "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"" + partial + "\"}}]}\n\n",
                    "data: {\"error\":{\"message\":\"The server is overloaded mid-answer\",\"type\":\"server_error\",\"code\":503}}\n\n")));
            case CODEX_RESPONSES -> bench.answer(Reply.sse(List.of(
                    "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"item_id\":\"m\","
                            + "\"output_index\":0,\"content_index\":0,\"delta\":\"" + partial + "\"}\n\n",
                    "event: response.failed\ndata: {\"type\":\"response.failed\",\"response\":{\"id\":\"r\",\"status\":\"failed\","
                            + "\"error\":{\"code\":\"server_is_overloaded\",\"message\":\"The server is overloaded mid-answer\"}}}\n\n")));
            case ANTHROPIC_MESSAGES -> bench.answer(Reply.sse(List.of(
                    "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\","
                            + "\"role\":\"assistant\",\"model\":\"x\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
                            + "\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\n",
                    "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n",
                    "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + partial + "\"}}\n\n",
                    "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                            + "\"message\":\"The server is overloaded mid-answer\"}}\n\n")));
            default -> bench.answer(EventStreamFrame.reply(List.of(
                    EventStreamFrame.event("messageStart", "{\"role\":\"assistant\"}"),
                    EventStreamFrame.event("contentBlockDelta",
                            "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"" + partial + "\"}}"),
                    EventStreamFrame.exception("serviceUnavailableException",
                            "{\"message\":\"The server is overloaded mid-answer\"}"))));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApiMode.class, names = {"CHAT_COMPLETIONS", "CODEX_RESPONSES", "ANTHROPIC_MESSAGES",
            "BEDROCK_CONVERSE"})
    void aFailureMidStreamIsAnSseExceptionAfterWhatArrived(ApiMode mode) throws Exception {
        try (var bench = new Bench(mode)) {
            providerFailsMidAnswer(bench);
            MessageAccumulator accumulator = MessageAccumulator.create();
            List<String> received = new ArrayList<>();

            assertThatThrownBy(() -> {
                try (StreamResponse<RawMessageStreamEvent> stream = bench.client.messages()
                        .createStreaming(ask("Say something"))) {
                    stream.stream().forEach(event -> {
                        accumulator.accumulate(event);
                        event.contentBlockDelta().flatMap(delta -> delta.delta().text())
                                .ifPresent(text -> received.add(text.text()));
                    });
                }
            }).isInstanceOfSatisfying(SseException.class, e -> {
                assertThat(e.type()).contains(ErrorType.OVERLOADED_ERROR);
                assertThat(e.apiMessage()).hasValueSatisfying(m -> assertThat(m).contains("overloaded mid-answer"));
            });
            assertThat(received).containsExactly("Partial answer");
            if (mode != ApiMode.ANTHROPIC_MESSAGES) {
                // A client that does not stream gets the answer folded: nothing was sent yet, so an HTTP error.
                // (A passthrough relays what the gateway itself answers such a client.)
                assertThatThrownBy(() -> bench.client.messages().create(ask("Say something")))
                        .isInstanceOf(OverloadedException.class);
            }
        }
    }
}
