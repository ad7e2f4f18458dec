package dev.ccbridge.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.ClaudeCode;
import dev.ccbridge.core.testing.FakeAgent;
import dev.ccbridge.core.testing.FakeProvider;
import dev.ccbridge.core.testing.GatewayHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Claude Code CLI through ccbridge to each kind of provider: a prompt, and a tool round
 * trip in which the reasoning of the first answer must come back on the second request.
 */
class ClaudeCodeEndToEndTest {
    private static final String RUN_MARKER = "Please run the marker command with Bash";

    @TempDir
    Path scratch;

    private static Target target(String baseUrl, ApiMode mode, String model) {
        return Target.builder().id("fake").name("Fake").provider("fake").baseUrl(baseUrl).model(model)
                .apiMode(mode).build();
    }

    private void runMarker(GatewayHarness gateway, FakeProvider provider) throws Exception {
        ClaudeCode.Result result = ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch,
                RUN_MARKER, "--allowedTools", "Bash");
        String story = story(result, gateway, provider);
        assertThat(result.exit()).as(story).isZero();
        assertThat(result.output()).as(story).contains("The tool said: ccbridge-tool-ok");
    }

    private static String story(ClaudeCode.Result result, GatewayHarness gateway, FakeProvider provider) {
        return ClaudeCode.story(result, gateway, provider.requests());
    }

    @Test
    void chatCompletionsProviderRunsATool() throws Exception {
        ClaudeCode.binary();
        try (var provider = new FakeProvider(FakeAgent::chat);
             var gateway = GatewayHarness.start(target(provider.baseUrl(), ApiMode.CHAT_COMPLETIONS, "fake-model"))) {
            runMarker(gateway, provider);

            JsonNode followUp = provider.requests().getLast().path("messages");
            JsonNode toolMessage = followUp.get(followUp.size() - 1);
            assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
            assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo(FakeAgent.CALL_ID);
            assertThat(toolMessage.path("content").asText()).contains("ccbridge-tool-ok");
            assertThat(provider.requests()).allSatisfy(r -> assertThat(r.path("model").asText()).isEqualTo("fake-model"));
        }
    }

    @Test
    void responsesProviderRunsAToolAndGetsItsReasoningBack() throws Exception {
        ClaudeCode.binary();
        try (var provider = new FakeProvider(FakeAgent::responses);
             var gateway = GatewayHarness.start(target(provider.baseUrl(), ApiMode.CODEX_RESPONSES, "gpt-5.5"))) {
            runMarker(gateway, provider);

            JsonNode input = provider.requests().getLast().path("input");
            assertThat(input.findValues("type")).extracting(JsonNode::asText)
                    .containsSubsequence("reasoning", "function_call", "function_call_output");
            assertThat(input.toString()).contains(FakeAgent.ENCRYPTED_REASONING).contains(FakeAgent.CALL_ID);
        }
    }

    @Test
    void anthropicGatewayRunsAToolAndGetsItsSignedThinkingBack() throws Exception {
        ClaudeCode.binary();
        try (var provider = new FakeProvider(FakeAgent::anthropic);
             var gateway = GatewayHarness.start(target(provider.rootUrl(), ApiMode.ANTHROPIC_MESSAGES, "glm-5"))) {
            runMarker(gateway, provider);

            JsonNode followUp = provider.requests().getLast();
            assertThat(followUp.path("model").asText()).isEqualTo("glm-5");
            assertThat(followUp.path("messages").toString()).contains(FakeAgent.SIGNATURE).contains("toolu_marker_1");
        }
    }

    @Test
    void aPlainPromptIsAnswered() throws Exception {
        ClaudeCode.binary();
        try (var provider = new FakeProvider(FakeAgent::chat);
             var gateway = GatewayHarness.start(target(provider.baseUrl(), ApiMode.CHAT_COMPLETIONS, "fake-model"))) {
            ClaudeCode.Result result = ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch,
                    "Say something");
            assertThat(result.exit()).as(result.output()).isZero();
            assertThat(result.output().strip()).isEqualTo("OK");
            assertThat(gateway.log.snapshot()).as("a session refused nothing (no stray endpoint)")
                    .isNotEmpty().allSatisfy(r -> assertThat(r.rejection()).isEmpty());
        }
    }

    @Test
    void switchingTheActiveTargetTakesEffectOnTheNextRequest() throws Exception {
        ClaudeCode.binary();
        try (var first = new FakeProvider(FakeAgent::chat);
             var second = new FakeProvider(FakeAgent::responses);
             var gateway = GatewayHarness.start(target(first.baseUrl(), ApiMode.CHAT_COMPLETIONS, "fake-model"))) {
            ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch, "Say something");
            Target other = gateway.registry.put(target(second.baseUrl(), ApiMode.CODEX_RESPONSES, "gpt-5.5")
                    .withId("other"));
            gateway.registry.activate(other.id());
            ClaudeCode.Result result = ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch,
                    "Say something else");

            assertThat(result.output().strip()).isEqualTo("OK");
            assertThat(first.requests()).isNotEmpty();
            assertThat(second.requests()).isNotEmpty();
        }
    }
}
