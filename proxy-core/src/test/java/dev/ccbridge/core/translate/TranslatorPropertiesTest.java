package dev.ccbridge.core.translate;

import dev.ccbridge.core.testing.Models;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import dev.ccbridge.core.testing.ExchangeRun;
import dev.ccbridge.core.testing.MemoryResponse;
import dev.ccbridge.core.testing.Pieces;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.upstream.AnswerSource;
import dev.ccbridge.core.upstream.Upstream;
import dev.ccbridge.core.upstream.UpstreamFailure;
import java.util.Iterator;
import dev.ccbridge.core.translate.bedrock.ConverseStreamTranslator;
import dev.ccbridge.core.translate.chat.ChatStreamTranslator;
import dev.ccbridge.core.stream.EventSequencer;
import dev.ccbridge.core.stream.StreamFailure;
import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.translate.responses.ResponsesStreamTranslator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStart;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlockStart;

/**
 * Whatever an upstream sends — any order, any repetition, missing ids, cut JSON, errors, garbage,
 * split anywhere — Claude Code gets a legal Anthropic sequence ({@link CollectingSink} runs
 * every event through the {@code MessageAccumulator}, which rejects what a client would choke
 * on), and it always ends: either complete ({@code message_stop}, every tool call's input a JSON
 * object) or failed with one error. Nothing but a {@link StreamFailure} ever leaves a translator.
 */
class TranslatorPropertiesTest {
    private static final ToolNames NAMES = ToolNames.of(List.of());

    // ---- shared pieces ---------------------------------------------------------------------

    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8),
                Arbitraries.of("", "Hello", " world", "\"quoted\"", "line\nbreak", "ü€😀", "\\", "</s>"));
    }

    private static Arbitrary<String> argumentFragment() {
        return Arbitraries.of("", "{", "}", "{}", "\"command\":", "\"ls -la\"", ",", "{\"a\":1}", "[1]", "null",
                "{\"path\":\"/tmp/x\"}", "\"", "\\u00e9");
    }

    private static String data(ObjectNode json) {
        return "data: " + Json.write(json) + "\n\n";
    }

    private static String event(ObjectNode json) {
        return "event: " + json.path("type").asText() + "\n" + data(json);
    }

    /** Feeds the bytes in the pieces given, as a network would deliver them, then ends the stream. */
    private static MemoryResponse run(byte[] bytes, List<Integer> cuts,
                                      Function<EventSequencer, StreamTranslator> factory) {
        return ExchangeRun.translated(Pieces.of(bytes, cuts), "text/event-stream", factory, true);
    }

    /** The stream ended as Claude Code can handle: complete with usable tool inputs, or failed once. */
    private static void assertEndedProperly(MemoryResponse response) {
        List<StreamEvent> events = response.events();
        if (response.failure() != null) {
            assertThat(events).as("a failed answer never looks complete")
                    .noneMatch(e -> e instanceof StreamEvent.MessageStop);
            assertThat(response.failure().message()).isNotBlank();
            return;
        }
        assertThat(events).as("an answer that did not fail must be complete").last()
                .isInstanceOf(StreamEvent.MessageStop.class);
        for (ContentBlock block : response.message().content()) {
            if (block instanceof ToolUseBlock tool) {
                assertThat(tool.input().isObject()).as("tool input of %s", tool.name()).isTrue();
                assertThat(tool.id()).matches("[a-zA-Z0-9_-]+");
            }
        }
    }

    // ---- Chat Completions ------------------------------------------------------------------

    @Provide
    Arbitrary<String> chatChunk() {
        Arbitrary<Integer> index = Arbitraries.integers().between(-1, 2);
        Arbitrary<String> id = Arbitraries.of("", "call_1", "call_2", "call.with:odd chars", "x".repeat(80));
        Arbitrary<String> name = Arbitraries.of("", "Bash", "Read", "mcp__server__a_really_long_tool_name_x");
        Arbitrary<String> toolCall = Combinators.combine(index, id, name, argumentFragment()).as((i, callId, n, args) -> {
            ObjectNode call = Json.object();
            if (i >= 0) {
                call.put("index", i);
            }
            if (!callId.isEmpty()) {
                call.put("id", callId).put("type", "function");
            }
            ObjectNode function = call.putObject("function").put("arguments", args);
            if (!n.isEmpty()) {
                function.put("name", n);
            }
            ObjectNode delta = Json.object();
            delta.putArray("tool_calls").add(call);
            return choice(delta, null);
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, text().map(t -> choice(Json.object().put("content", t), null))),
                net.jqwik.api.Tuple.of(3, text().map(t -> choice(Json.object().put("reasoning_content", t), null))),
                net.jqwik.api.Tuple.of(6, toolCall),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("stop", "length", "tool_calls", "content_filter", "weird")
                        .map(reason -> choice(Json.object(), reason))),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,"
                        + "\"completion_tokens\":3}}\n\n")),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("data: [DONE]\n\n")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("data: {\"error\":{\"message\":\"boom\",\"code\":500}}\n\n")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("data: {not json\n\n", ": keep-alive\n\n", "data: {}\n\n",
                        "data: {\"choices\":[{\"index\":0}]}\n\n", "event: other\ndata: {\"x\":1}\n\n")));
    }

    private static String choice(ObjectNode delta, String finishReason) {
        ObjectNode chunk = Json.object();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason != null) {
            choice.put("finish_reason", finishReason);
        }
        return data(chunk);
    }

    @Property(tries = 400)
    void chatStreamsAlwaysGiveALegalSequence(@ForAll("chatChunks") List<String> chunks,
                                             @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 64) Integer> cuts) {
        byte[] bytes = String.join("", chunks).getBytes(StandardCharsets.UTF_8);
        assertEndedProperly(run(bytes, cuts, out -> new ChatStreamTranslator(out, NAMES, Models.of("chat", "deepseek-v4-pro"))));
    }

    @Provide
    Arbitrary<List<String>> chatChunks() {
        return chatChunk().list().ofMaxSize(25);
    }

    // ---- Responses -------------------------------------------------------------------------

    @Provide
    Arbitrary<List<String>> responsesEvents() {
        Arbitrary<String> itemId = Arbitraries.of("m1", "m2", "r1", "f1", "f2", "unknown");
        Arbitrary<String> item = Arbitraries.of("message:m1", "message:m2", "reasoning:r1", "function_call:f1",
                "function_call:f2");
        Arbitrary<String> added = item.map(spec -> event(outputItem("response.output_item.added", spec, false)));
        Arbitrary<String> done = item.map(spec -> event(outputItem("response.output_item.done", spec, true)));
        Arbitrary<String> textDelta = Combinators.combine(itemId, text()).as((id, t) -> event(Json.object()
                .put("type", "response.output_text.delta").put("item_id", id).put("output_index", 0)
                .put("content_index", 0).put("delta", t)));
        Arbitrary<String> summaryDelta = Combinators.combine(itemId, text()).as((id, t) -> event(Json.object()
                .put("type", "response.reasoning_summary_text.delta").put("item_id", id).put("summary_index", 0)
                .put("delta", t)));
        Arbitrary<String> argsDelta = Combinators.combine(itemId, argumentFragment()).as((id, a) -> event(Json.object()
                .put("type", "response.function_call_arguments.delta").put("item_id", id).put("delta", a)));
        Arbitrary<String> terminal = Arbitraries.of("completed", "incomplete", "failed").map(status -> {
            ObjectNode response = Json.object().put("id", "resp_1").put("status", status);
            response.putObject("usage").put("input_tokens", 7).put("output_tokens", 2);
            if (status.equals("incomplete")) {
                response.putObject("incomplete_details").put("reason", "max_output_tokens");
            }
            if (status.equals("failed")) {
                response.putObject("error").put("code", "server_error").put("message", "failed");
            }
            return event(Json.object().put("type", "response." + status).set("response", response));
        });
        Arbitrary<String> odd = Arbitraries.of(
                event(Json.object().put("type", "response.created")),
                event(Json.object().put("type", "error").put("message", "bad thing").put("code", "server_error")),
                event(Json.object().put("type", "response.some_future_event")),
                "data: {broken\n\n",
                "data: [DONE]\n\n");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, added), net.jqwik.api.Tuple.of(3, done), net.jqwik.api.Tuple.of(5, textDelta),
                net.jqwik.api.Tuple.of(2, summaryDelta), net.jqwik.api.Tuple.of(4, argsDelta),
                net.jqwik.api.Tuple.of(2, terminal), net.jqwik.api.Tuple.of(1, odd)).list().ofMaxSize(25);
    }

    private static ObjectNode outputItem(String type, String spec, boolean done) {
        String kind = spec.substring(0, spec.indexOf(':'));
        String id = spec.substring(spec.indexOf(':') + 1);
        ObjectNode item = Json.object().put("id", id).put("type", kind);
        switch (kind) {
            case "message" -> {
                item.put("role", "assistant");
                ArrayNode content = item.putArray("content");
                if (done) {
                    content.addObject().put("type", "output_text").put("text", "done text");
                }
            }
            case "reasoning" -> {
                item.putArray("summary");
                if (done) {
                    item.put("encrypted_content", "gAAAA-enc");
                }
            }
            default -> item.put("call_id", "call_" + id).put("name", "Bash")
                    .put("arguments", done ? "{\"command\":\"ls\"}" : "");
        }
        return Json.object().put("type", type).put("output_index", 0).set("item", item);
    }

    @Property(tries = 400)
    void responsesStreamsAlwaysGiveALegalSequence(@ForAll("responsesEvents") List<String> events,
                                                  @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 64) Integer> cuts) {
        byte[] bytes = String.join("", events).getBytes(StandardCharsets.UTF_8);
        assertEndedProperly(run(bytes, cuts, out -> new ResponsesStreamTranslator(out, NAMES, Models.of("responses", "gpt-5.5"))));
    }

    // ---- Bedrock Converse ------------------------------------------------------------------

    @Provide
    Arbitrary<List<ConverseStreamOutput>> converseEvents() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 3);
        Arbitrary<ConverseStreamOutput> start = Combinators.combine(index, Arbitraries.of("tooluse_1", "t:2", "t 3"),
                Arbitraries.of("Bash", "Read", "")).as((i, id, name) -> ConverseStreamOutput.contentBlockStartBuilder()
                .contentBlockIndex(i).start(ContentBlockStart.fromToolUse(ToolUseBlockStart.builder().toolUseId(id)
                        .name(name).build())).build());
        Arbitrary<ContentBlockDelta> delta = Arbitraries.oneOf(
                text().map(ContentBlockDelta::fromText),
                argumentFragment().map(a -> ContentBlockDelta.fromToolUse(ToolUseBlockDelta.builder().input(a).build())),
                text().map(t -> ContentBlockDelta.fromReasoningContent(ReasoningContentBlockDelta.fromText(t))),
                Arbitraries.just(ContentBlockDelta.fromReasoningContent(ReasoningContentBlockDelta.fromSignature("sig"))),
                Arbitraries.just(ContentBlockDelta.fromReasoningContent(ReasoningContentBlockDelta.fromRedactedContent(
                        SdkBytes.fromUtf8String("opaque")))));
        Arbitrary<ConverseStreamOutput> deltas = Combinators.combine(index, delta).as((i, d) ->
                ConverseStreamOutput.contentBlockDeltaBuilder().contentBlockIndex(i).delta(d).build());
        Arbitrary<ConverseStreamOutput> stop = index.map(i ->
                ConverseStreamOutput.contentBlockStopBuilder().contentBlockIndex(i).build());
        Arbitrary<ConverseStreamOutput> messageStop = Arbitraries.of("end_turn", "tool_use", "max_tokens",
                "stop_sequence", "guardrail_intervened", "something_new").map(reason ->
                ConverseStreamOutput.messageStopBuilder().stopReason(reason).build());
        Arbitrary<ConverseStreamOutput> other = Arbitraries.of(
                ConverseStreamOutput.messageStartBuilder().role("assistant").build(),
                ConverseStreamOutput.metadataBuilder().usage(TokenUsage.builder().inputTokens(5).outputTokens(2)
                        .totalTokens(7).build()).build());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, start), net.jqwik.api.Tuple.of(8, deltas), net.jqwik.api.Tuple.of(3, stop),
                net.jqwik.api.Tuple.of(2, messageStop), net.jqwik.api.Tuple.of(2, other)).list().ofMaxSize(25);
    }

    @Property(tries = 400)
    void converseStreamsAlwaysGiveALegalSequence(@ForAll("converseEvents") List<ConverseStreamOutput> events) {
        Upstream converse = (call, out) -> {
            var translator = new ConverseStreamTranslator(out, NAMES);
            Iterator<ConverseStreamOutput> next = events.iterator();
            return new AnswerSource.Events() {
                @Override
                public boolean read() throws UpstreamFailure {
                    try {
                        if (next.hasNext()) {
                            translator.onEvent(next.next());
                            return true;
                        }
                        translator.onEnd();
                        return false;
                    } catch (StreamFailure failure) {
                        throw new UpstreamFailure(call.errors().fromFailure(failure));
                    }
                }

                @Override
                public void close() {
                }
            };
        };
        assertEndedProperly(ExchangeRun.run(converse, ApiMode.BEDROCK_CONVERSE, true));
    }
}
