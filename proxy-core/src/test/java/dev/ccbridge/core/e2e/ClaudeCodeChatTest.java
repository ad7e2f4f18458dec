package dev.ccbridge.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.testing.ClaudeCode;
import dev.ccbridge.core.testing.FakeChatProvider;
import dev.ccbridge.core.testing.GatewayHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Claude Code CLI through ccbridge to a Chat Completions provider: a prompt and a tool round trip. */
class ClaudeCodeChatTest {
    @TempDir
    Path scratch;

    @Test
    void claudeCodeRunsAToolThroughAChatCompletionsProvider() throws Exception {
        ClaudeCode.binary();
        try (var provider = new FakeChatProvider();
             var gateway = GatewayHarness.start(GatewayHarness.chatTarget(provider.baseUrl(), "fake-model"))) {

            ClaudeCode.Result result = ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch,
                    "Please run the marker command with Bash", "--allowedTools", "Bash");

            assertThat(result.exit()).as(result.output()).isZero();
            assertThat(result.output()).contains("The tool said: ccbridge-tool-ok");
            List<JsonNode> requests = provider.requests();
            assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
            JsonNode followUp = requests.getLast().path("messages");
            JsonNode toolMessage = followUp.get(followUp.size() - 1);
            assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
            assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_marker_1");
            assertThat(toolMessage.path("content").asText()).contains("ccbridge-tool-ok");
            assertThat(requests).allSatisfy(r -> assertThat(r.path("model").asText()).isEqualTo("fake-model"));
        }
    }

    @Test
    void aPlainPromptIsAnswered() throws Exception {
        ClaudeCode.binary();
        try (var provider = new FakeChatProvider();
             var gateway = GatewayHarness.start(GatewayHarness.chatTarget(provider.baseUrl(), "fake-model"))) {
            ClaudeCode.Result result = ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch,
                    "Say something");
            assertThat(result.exit()).as(result.output()).isZero();
            assertThat(result.output().strip()).isEqualTo("OK");
        }
    }
}
