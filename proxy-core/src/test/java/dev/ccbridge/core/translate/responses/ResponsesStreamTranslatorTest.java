package dev.ccbridge.core.translate.responses;

import dev.ccbridge.core.testing.Models;
import dev.ccbridge.core.model.ResolvedModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.MessagesResponse;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.Tool;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import dev.ccbridge.core.testing.ExchangeRun;
import dev.ccbridge.core.testing.Golden;
import dev.ccbridge.core.testing.MemoryResponse;
import dev.ccbridge.core.translate.common.CarriedSignature;
import dev.ccbridge.core.stream.EventSequencer;
import dev.ccbridge.core.stream.StreamFailure;
import dev.ccbridge.core.translate.common.ToolIds;
import dev.ccbridge.core.translate.common.ToolNames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Provider behaviours beyond the golden streams: whole responses, missing deltas, odd error shapes. */
class ResponsesStreamTranslatorTest {
    private static final ResolvedModel MODEL = Models.of("openai", "gpt-5-codex");

    /** SSE frames whose event name is the data's type, as the Responses API writes them. */
    private static byte[] sse(String... events) {
        var out = new StringBuilder();
        for (String data : events) {
            String type = data.replaceFirst("^\\{\"type\":\"([^\"]+)\".*$", "$1");
            out.append("event: ").append(type).append("\ndata: ").append(data).append("\n\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static MemoryResponse run(byte[] upstream) {
        return run(upstream, ToolNames.of(List.of()));
    }

    private static MemoryResponse run(byte[] upstream, ToolNames names) {
        return Golden.run(upstream, out -> new ResponsesStreamTranslator(out, names, MODEL), false);
    }

    private static MessagesResponse message(MemoryResponse outcome) {
        assertThat(outcome.failure()).isNull();
        return outcome.message();
    }

    private static final String COMPLETED =
            "{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[],"
                    + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}}";

    @Test
    void argumentsSentOnlyWithTheFinishedItemStillReachTheToolCall() {
        var outcome = run(sse(
                "{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"Read\",\"arguments\":\"\"}}",
                "{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"Read\",\"arguments\":\"{\\\"file_path\\\":\\\"/a\\\"}\"}}",
                COMPLETED));

        var call = (ToolUseBlock) message(outcome).content().getFirst();
        assertThat(call.input().path("file_path").asText()).isEqualTo("/a");
        assertThat(message(outcome).stopReason()).isEqualTo("tool_use");
    }

    @Test
    void argumentDeltasAreMatchedByItemIdNotByCallId() {
        var outcome = run(sse(
                "{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"Read\",\"arguments\":\"\"}}",
                "{\"type\":\"response.function_call_arguments.delta\",\"item_id\":\"fc_1\",\"output_index\":0,\"delta\":\"{\\\"file_path\\\":\"}",
                "{\"type\":\"response.function_call_arguments.delta\",\"item_id\":\"fc_1\",\"output_index\":0,\"delta\":\"\\\"/b\\\"}\"}",
                "{\"type\":\"response.function_call_arguments.done\",\"item_id\":\"fc_1\",\"output_index\":0,\"arguments\":\"{\\\"file_path\\\":\\\"/b\\\"}\"}",
                COMPLETED));

        List<ContentBlock> content = message(outcome).content();
        assertThat(content).hasSize(1);
        assertThat(((ToolUseBlock) content.getFirst()).id()).isEqualTo("call_1");
        assertThat(((ToolUseBlock) content.getFirst()).input().path("file_path").asText()).isEqualTo("/b");
    }

    @Test
    void callIdsAndLongToolNamesComeBackAsClaudeCodeKnowsThem() {
        String longName = "mcp__workspace_filesystem_server__read_multiple_files_with_line_numbers_and_metadata";
        ToolNames names = ToolNames.of(List.of(new Tool(null, longName, "d", null, null, null)));
        String upstreamName = names.upstream(longName);
        assertThat(upstreamName).hasSizeLessThanOrEqualTo(64).isNotEqualTo(longName);

        var outcome = run(sse(
                "{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"call_id\":\"call.1:x\",\"name\":\"" + upstreamName + "\",\"arguments\":\"{}\"}}",
                COMPLETED), names);

        var call = (ToolUseBlock) message(outcome).content().getFirst();
        assertThat(call.name()).isEqualTo(longName);
        assertThat(call.id()).matches("^[a-zA-Z0-9_-]+$");
        assertThat(ToolIds.toUpstream(call.id())).as("the call id goes back as the upstream wrote it").isEqualTo("call.1:x");
    }

    @Test
    void eachReasoningItemGetsItsOwnThinkingBlockAndSignature() {
        var outcome = run(sse(
                "{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"delta\":\"First.\"}",
                "{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"First.\"}],\"encrypted_content\":\"enc-1\"}}",
                "{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"rs_2\",\"output_index\":1,\"summary_index\":0,\"delta\":\"Second.\"}",
                "{\"type\":\"response.output_item.done\",\"output_index\":1,\"item\":{\"id\":\"rs_2\",\"type\":\"reasoning\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"Second.\"}],\"encrypted_content\":\"enc-2\"}}",
                COMPLETED));

        List<ContentBlock> content = message(outcome).content();
        assertThat(content).hasSize(2);
        assertThat(content).allMatch(ThinkingBlock.class::isInstance);
        var first = (ThinkingBlock) content.get(0);
        var second = (ThinkingBlock) content.get(1);
        assertThat(first.thinking()).isEqualTo("First.");
        assertThat(second.thinking()).isEqualTo("Second.");
        assertThat(CarriedReasoning.replay(first, CarriedReasoning.origin(MODEL)).orElseThrow().encryptedContent()).isEqualTo("enc-1");
        assertThat(CarriedReasoning.replay(second, CarriedReasoning.origin(MODEL)).orElseThrow().id()).isEqualTo("rs_2");
    }

    @Test
    void rawReasoningTextOfOpenModelsBecomesThinking() {
        var outcome = run(sse(
                "{\"type\":\"response.reasoning_text.delta\",\"item_id\":\"rs_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Let me think.\"}",
                "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"delta\":\"Done.\"}",
                COMPLETED));

        List<ContentBlock> content = message(outcome).content();
        assertThat(((ThinkingBlock) content.get(0)).thinking()).isEqualTo("Let me think.");
        assertThat(((ThinkingBlock) content.get(0)).signature()).isNull();
        assertThat(((TextBlock) content.get(1)).text()).isEqualTo("Done.");
    }

    @Test
    void aCompletedResponseWithoutItemEventsStillDeliversItsOutput() {
        var outcome = run(sse("{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"status\":\"completed\","
                + "\"output\":[{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"All at once.\"}]}],"
                + "\"usage\":{\"input_tokens\":7,\"output_tokens\":3}}}"));

        assertThat(((TextBlock) message(outcome).content().getFirst()).text()).isEqualTo("All at once.");
    }

    @Test
    void aWholeNonStreamedResponseIsTranslatedLikeAStream() {
        String body = """
                {"id":"resp_1","object":"response","status":"completed","model":"gpt-5-codex","output":[
                  {"id":"rs_1","type":"reasoning","summary":[{"type":"summary_text","text":"Need the file."}],"encrypted_content":"enc-1"},
                  {"id":"msg_1","type":"message","role":"assistant","status":"completed","content":[{"type":"output_text","text":"Reading.","annotations":[]}]},
                  {"id":"fc_1","type":"function_call","call_id":"call_1","name":"Read","arguments":"{\\"file_path\\":\\"/a\\"}","status":"completed"}],
                 "usage":{"input_tokens":1200,"input_tokens_details":{"cached_tokens":200},"output_tokens":60,"output_tokens_details":{"reasoning_tokens":20},"total_tokens":1260}}
                """;
        MessagesResponse message = ExchangeRun.translated(List.of(body.getBytes(StandardCharsets.UTF_8)),
                "application/json", out -> new ResponsesStreamTranslator(out, ToolNames.of(List.of()), MODEL), true)
                .message();
        assertThat(message.content()).hasSize(3);
        var thinking = (ThinkingBlock) message.content().get(0);
        assertThat(thinking.thinking()).isEqualTo("Need the file.");
        assertThat(CarriedSignature.payloadFrom(thinking.signature(), CarriedReasoning.origin(MODEL))).isPresent();
        assertThat(((TextBlock) message.content().get(1)).text()).isEqualTo("Reading.");
        assertThat(((ToolUseBlock) message.content().get(2)).input().path("file_path").asText()).isEqualTo("/a");
        assertThat(message.stopReason()).isEqualTo("tool_use");
        assertThat(message.usage().inputTokens()).isEqualTo(1000);
        assertThat(message.usage().cacheReadInputTokens()).isEqualTo(200);
        assertThat(message.usage().outputTokens()).isEqualTo(60);
    }

    @Test
    void aNonStreamedFailedResponseIsAProviderError() {
        var translator = new ResponsesStreamTranslator(new EventSequencer("m", "claude", 1),
                ToolNames.of(List.of()), MODEL);
        byte[] body = "{\"id\":\"resp_1\",\"status\":\"failed\",\"output\":[],\"error\":{\"code\":\"server_error\",\"message\":\"boom\"}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> translator.onBody(body)).isInstanceOfSatisfying(StreamFailure.class,
                f -> assertThat(f.providerError().path("message").asText()).isEqualTo("boom"));
    }

    @Test
    void anErrorEventWithTopLevelFieldsKeepsTheProviderMessage() {
        var outcome = run(sse(
                "{\"type\":\"error\",\"code\":\"context_length_exceeded\",\"message\":\"Your input exceeds the context window of this model.\",\"param\":\"input\",\"sequence_number\":2}"));

        // Claude Code compacts only on this status and wording.
        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.failure().type()).isEqualTo("invalid_request_error");
        assertThat(outcome.failure().message()).startsWith("prompt is too long: ");
    }

    @Test
    void malformedDataFailsTheAnswerInsteadOfSkippingContent() {
        var outcome = run(sse(
                "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"delta\":\"Hel\"}",
                "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_",
                COMPLETED));

        assertThat(outcome.failure().type()).isEqualTo("api_error");
        assertThat(outcome.failure().message()).contains("malformed data");
        assertThat(outcome.events()).noneMatch(e -> e.type().equals("message_stop"));
    }

    @Test
    void contentFilterStopsWithRefusal() {
        var outcome = run(sse(
                "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"delta\":\"Sorry\"}",
                "{\"type\":\"response.incomplete\",\"response\":{\"id\":\"resp_1\",\"status\":\"incomplete\",\"incomplete_details\":{\"reason\":\"content_filter\"},\"output\":[]}}"));

        assertThat(message(outcome).stopReason()).isEqualTo("refusal");
    }

    @Test
    void aRefusalIsShownAsTextAndStopsWithRefusal() {
        var outcome = run(sse(
                "{\"type\":\"response.refusal.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"I can't help with that.\"}",
                "{\"type\":\"response.refusal.done\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"refusal\":\"I can't help with that.\"}",
                COMPLETED));

        assertThat(((TextBlock) message(outcome).content().getFirst()).text()).isEqualTo("I can't help with that.");
        assertThat(message(outcome).stopReason()).isEqualTo("refusal");
    }

    @Test
    void progressEventsOfHostedToolsAndUnknownTypesAreIgnored() {
        var outcome = run(sse(
                "{\"type\":\"response.web_search_call.in_progress\",\"item_id\":\"ws_1\",\"output_index\":0}",
                "{\"type\":\"response.code_interpreter_call.in_progress\",\"item_id\":\"ci_1\",\"output_index\":0}",
                "{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"id\":\"ci_1\",\"type\":\"code_interpreter_call\",\"status\":\"completed\"}}",
                "{\"type\":\"response.some_future_event\",\"delta\":{\"an\":\"object\"}}",
                "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":1,\"delta\":\"Hi\"}",
                COMPLETED));

        assertThat(message(outcome).content()).containsExactly(new TextBlock("Hi"));
        assertThat(message(outcome).usage().inputTokens()).isEqualTo(10);
    }
}
