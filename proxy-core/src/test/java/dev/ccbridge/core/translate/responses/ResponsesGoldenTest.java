package dev.ccbridge.core.translate.responses;

import dev.ccbridge.core.testing.Models;
import dev.ccbridge.core.model.ResolvedModel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import dev.ccbridge.core.testing.Golden;
import dev.ccbridge.core.testing.MemoryResponse;
import dev.ccbridge.core.translate.common.CarriedSignature;
import dev.ccbridge.core.translate.common.ToolNames;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Recorded-shape Responses streams in, the Anthropic stream Claude Code must receive out. */
class ResponsesGoldenTest {
    private static final String DIR = "golden/codex_responses/";
    private static final ResolvedModel MODEL = Models.of("openai", "gpt-5-codex");

    private static MemoryResponse check(String scenario) {
        return Golden.check(DIR + scenario, out -> new ResponsesStreamTranslator(out, ToolNames.of(List.of()), MODEL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "tool_call", "parallel_tool_calls", "reasoning", "reasoning_without_summary",
            "incomplete"})
    void completeAnswersEndWithMessageStop(String scenario) {
        MemoryResponse outcome = check(scenario);

        assertThat(outcome.failure()).isNull();
        assertThat(outcome.message().stopReason()).isNotNull();
    }

    @Test
    void toolCallsAreReportedWithTheirCallIdAndParsableInput() {
        List<ContentBlock> content = check("parallel_tool_calls").message().content();

        assertThat(content).extracting(b -> ((ToolUseBlock) b).id())
                .containsExactly("call_Hc3kPq9ZrT2mWx7yLb5nVd1s", "call_Jd4lQr0AsU3nXy8zMc6oWe2t");
        assertThat(((ToolUseBlock) content.get(1)).input().path("pattern").asText()).isEqualTo("TODO");
    }

    @Test
    void reasoningSignatureCarriesTheItemForTheNextTurn() {
        ThinkingBlock thinking = (ThinkingBlock) check("reasoning").message().content().get(0);

        var carried = CarriedSignature.decode(thinking.signature()).orElseThrow();
        assertThat(carried.origin()).isEqualTo(new CarriedSignature.Origin("codex_responses", "openai", "gpt-5-codex"));
        // The item as output_item.done reported it, not the partial state output_item.added showed.
        assertThat(carried.payload().path("id").asText()).isEqualTo("rs_68a1f3fbd3e48190eac9b8a7f6e5d4c3");
        assertThat(carried.payload().path("encrypted_content").asText())
                .isEqualTo("gAAAAABoofP8final_state_SGVsbG9Xb3JsZA-_x");
        assertThat(CarriedReasoning.replay(thinking, CarriedReasoning.origin(MODEL))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"failed", "error_event"})
    void providerFailuresBecomeOneErrorEvent(String scenario) {
        MemoryResponse outcome = check(scenario);

        assertThat(outcome.failure()).isNotNull();
        assertThat(outcome.failure().message()).doesNotContain("ended unexpectedly", "malformed");
        assertThat(outcome.events()).noneMatch(e -> e.type().equals("message_stop"));
    }

    @Test
    void aStreamCutShortIsAnErrorNotAFinishedToolCall() {
        MemoryResponse outcome = check("truncated");

        assertThat(outcome.failure().message()).endsWith("upstream stream ended unexpectedly");
        assertThat(outcome.events()).noneMatch(e -> e.type().equals("message_stop"));
    }
}
