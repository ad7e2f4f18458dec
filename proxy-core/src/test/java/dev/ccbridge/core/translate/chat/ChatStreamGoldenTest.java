package dev.ccbridge.core.translate.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.Tool;
import dev.ccbridge.core.testing.ExchangeRun;
import dev.ccbridge.core.testing.Golden;
import dev.ccbridge.core.testing.Models;
import dev.ccbridge.core.translate.common.ToolNames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Chat Completions streams as real servers send them, and exactly what Claude Code must receive. */
class ChatStreamGoldenTest {
    private static final ResolvedModel MODEL = Models.of("deepseek", "deepseek-v4-pro");

    @ParameterizedTest
    @ValueSource(strings = {"text", "tools", "parallel_tools", "reasoning", "max_tokens", "index_less_tools",
            "repeated_arguments", "finish_without_done", "name_after_id", "error_chunk", "truncated"})
    void translatesTheScenarioExactly(String scenario) {
        Golden.check("golden/chat_completions/" + scenario, out -> new ChatStreamTranslator(out, new ToolNames(), MODEL));
    }

    @Test
    void aCutToolCallNeverLooksFinished() {
        var outcome = Golden.check("golden/chat_completions/truncated",
                out -> new ChatStreamTranslator(out, new ToolNames(), MODEL));
        assertThat(outcome.failure().message()).endsWith("upstream stream ended unexpectedly");
        assertThat(outcome.events()).noneMatch(e -> e.type().equals("content_block_stop"));
        assertThat(outcome.failure().type()).isEqualTo("api_error");
    }

    @Test
    void malformedJsonEndsTheStreamWithAnErrorInsteadOfSkippingContent() {
        String stream = """
                data: {"choices":[{"index":0,"delta":{"content":"Fine so far"}}]}

                data: {"choices":[{"index":0,"delta":{"content":"bro

                data: [DONE]

                """;
        var outcome = Golden.run(stream.getBytes(StandardCharsets.UTF_8),
                out -> new ChatStreamTranslator(out, new ToolNames(), MODEL), false);
        ApiError error = outcome.failure();
        assertThat(error.type()).isEqualTo("api_error");
        assertThat(error.message()).startsWith("Upstream sent malformed data (");
        assertThat(outcome.events()).extracting(e -> e.type()).doesNotContain("message_stop");
    }

    @Test
    void shortenedToolNamesAreMappedBackToTheNamesClaudeCodeKnows() {
        String longName = "mcp__a_very_long_server_name__" + "x".repeat(60);
        var names = ToolNames.of(List.of(new Tool(null, longName, "d", null, null, null)));
        String upstreamName = names.upstream(longName);
        assertThat(upstreamName).hasSizeLessThanOrEqualTo(64);
        String stream = "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c\","
                + "\"function\":{\"name\":\"" + upstreamName + "\",\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\n"
                + "data: [DONE]\n\n";
        var outcome = Golden.run(stream.getBytes(StandardCharsets.UTF_8), out -> new ChatStreamTranslator(out, names, MODEL), false);
        var message = outcome.message();
        assertThat(message.content()).singleElement()
                .extracting(b -> ((dev.ccbridge.core.protocol.anthropic.ToolUseBlock) b).name()).isEqualTo(longName);
    }

    @Test
    void aWholeNonStreamedCompletionBecomesTheSameEventSequence() {
        String completion = """
                {"id":"c","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":"assistant",
                "content":"Let me look.","tool_calls":[{"id":"call_1","type":"function","function":{"name":"Read",
                "arguments":"{\\"file_path\\":\\"/a\\"}"}}]},"finish_reason":"tool_calls"}],
                "usage":{"prompt_tokens":10,"completion_tokens":5}}""";
        var message = ExchangeRun.translated(List.of(completion.getBytes(StandardCharsets.UTF_8)), "application/json",
                out -> new ChatStreamTranslator(out, new ToolNames(), MODEL), true).message();
        assertThat(message.stopReason()).isEqualTo("tool_use");
        assertThat(message.content()).hasSize(2);
        assertThat(message.usage().outputTokens()).isEqualTo(5);
    }
}
