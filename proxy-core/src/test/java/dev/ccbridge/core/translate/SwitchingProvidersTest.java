package dev.ccbridge.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.routing.ModelRouter;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.Fixtures;
import dev.ccbridge.core.translate.anthropic.PassthroughBody;
import dev.ccbridge.core.translate.chat.AnthropicToChat;
import dev.ccbridge.core.translate.common.ToolNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The user switches the active target mid-session: the next request carries a history another
 * mode wrote (see {@code histories/}). Each mode must take it: keep what its upstream can verify,
 * convert or drop the rest, and keep tool calls and their results paired.
 */
class SwitchingProvidersTest {
    private static final ModelRouter ROUTER = new ModelRouter(ModelCatalog.builtIn());
    private static final String NO_RESULT_STUB = "(no result: the tool call was interrupted)";

    private static Target target(String provider, String model, ApiMode mode, ModelCapabilities caps) {
        return Target.builder().id("t").name(provider).provider(provider).baseUrl("https://example.test")
                .model(model).apiMode(mode).capabilities(caps).build();
    }

    private static byte[] raw(String writtenBy) {
        return Fixtures.bytes("histories/from-" + writtenBy + ".json");
    }

    private static MessagesRequest request(String writtenBy) throws Exception {
        return Json.WIRE.readValue(raw(writtenBy), MessagesRequest.class);
    }

    private static JsonNode toChat(String writtenBy, Target target) throws Exception {
        MessagesRequest request = request(writtenBy);
        ResolvedModel model = ROUTER.resolve(target, request.model());
        var body = AnthropicToChat.translate(request, model, ToolNames.of(request.toolsOrEmpty()));
        return Json.WIRE.valueToTree(body);
    }

    private static JsonNode toPassthrough(String writtenBy, Target target) {
        ResolvedModel model = ROUTER.resolve(target, "claude-sonnet-4-6");
        return Json.parseOrNull(new String(PassthroughBody.rewrite(raw(writtenBy), model), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "history from {0}")
    @ValueSource(strings = {"chat_completions", "codex_responses", "anthropic_messages", "bedrock_converse"})
    void aChatModelThatWantsItsReasoningBackGetsItOnEveryAssistantTurn(String writtenBy) throws Exception {
        JsonNode chat = toChat(writtenBy, target("deepseek", "deepseek-v4-pro", ApiMode.CHAT_COMPLETIONS, null));

        assertToolCallsPaired(chat);
        List<JsonNode> assistants = byRole(chat, "assistant");
        assertThat(assistants).hasSize(2);
        for (JsonNode assistant : assistants) {
            assertThat(assistant.path("reasoning_content").asText()).as(writtenBy).isNotBlank();
        }
        // Reasoning text travels; signatures, carried state and redacted data never do.
        assertThat(chat.toString()).doesNotContain("ccb1.").doesNotContain("EuYBCkYIBxgC").doesNotContain("EmwKAhgB");
        if (!writtenBy.equals("anthropic_messages") && !writtenBy.equals("bedrock_converse")) {
            assertThat(assistants.getLast().path("reasoning_content").asText()).containsIgnoringCase("semicolon");
        }
    }

    @ParameterizedTest(name = "history from {0}")
    @ValueSource(strings = {"chat_completions", "codex_responses", "anthropic_messages", "bedrock_converse"})
    void aChatModelWithoutReasoningReplayGetsNoReasoningAtAll(String writtenBy) throws Exception {
        JsonNode chat = toChat(writtenBy, target("openai", "gpt-5.5", ApiMode.CHAT_COMPLETIONS, null));

        assertToolCallsPaired(chat);
        assertThat(chat.findValues("reasoning_content")).isEmpty();
        assertThat(chat.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(byRole(chat, "system")).hasSize(1);
    }

    @ParameterizedTest(name = "history from {0}")
    @ValueSource(strings = {"chat_completions", "codex_responses", "anthropic_messages", "bedrock_converse"})
    void aModelWithItsOwnToolIdFormatSeesConsistentIds(String writtenBy) throws Exception {
        JsonNode chat = toChat(writtenBy, target("mistral", "devstral-medium-latest", ApiMode.CHAT_COMPLETIONS, null));

        assertToolCallsPaired(chat);
        for (JsonNode id : chat.findValues("tool_call_id")) {
            assertThat(id.asText()).matches("[A-Za-z0-9]{9}");
        }
    }

    @ParameterizedTest(name = "history from {0}")
    @ValueSource(strings = {"chat_completions", "codex_responses", "anthropic_messages", "bedrock_converse"})
    void anthropicGetsOnlyThinkingItCanVerifyAndToolIdsStayPaired(String writtenBy) {
        JsonNode body = toPassthrough(writtenBy, target("anthropic", null, ApiMode.ANTHROPIC_MESSAGES, null));

        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-6");
        assertPassthroughToolIdsPaired(body);
        for (JsonNode block : body.path("messages").findParents("type")) {
            if ("thinking".equals(block.path("type").asText())) {
                assertThat(block.path("signature").asText()).isNotBlank().doesNotStartWith("ccb1.");
            }
        }
        boolean foreign = writtenBy.equals("chat_completions") || writtenBy.equals("codex_responses");
        if (foreign) {
            // Its thinking could not be verified, so the open tool loop no longer starts with thinking:
            // thinking is off for this request, and the thinking-clearing edit with it.
            assertThat(body.path("messages").toString()).doesNotContain("\"thinking\"");
            assertThat(body.has("thinking")).isFalse();
            assertThat(body.has("context_management")).isFalse();
        } else {
            // Claude's own history: byte for byte what Claude Code sent.
            assertThat(PassthroughBody.rewrite(raw(writtenBy),
                    ROUTER.resolve(target("anthropic", null, ApiMode.ANTHROPIC_MESSAGES, null), "claude-sonnet-4-6")))
                    .isEqualTo(raw(writtenBy));
            assertThat(body.path("messages").toString()).contains("redacted_thinking");
        }
    }

    @ParameterizedTest(name = "history from {0}")
    @ValueSource(strings = {"chat_completions", "codex_responses", "anthropic_messages", "bedrock_converse"})
    void aGatewayWithoutPromptCachingGetsNoCacheControl(String writtenBy) {
        JsonNode body = toPassthrough(writtenBy,
                target("deepseek", "deepseek-v4-pro", ApiMode.ANTHROPIC_MESSAGES, null));

        assertThat(body.path("model").asText()).isEqualTo("deepseek-v4-pro");
        assertThat(body.toString()).doesNotContain("cache_control");
        assertPassthroughToolIdsPaired(body);
    }

    /** Every Chat tool_calls message is followed by exactly its results, each answered for real. */
    private static void assertToolCallsPaired(JsonNode chat) {
        JsonNode messages = chat.path("messages");
        int calls = 0;
        int i = 0;
        while (i < messages.size()) {
            JsonNode message = messages.get(i++);
            assertThat(message.path("role").asText()).as("stray tool message at " + (i - 1)).isNotEqualTo("tool");
            if (!message.path("tool_calls").isArray()) {
                continue;
            }
            Set<String> ids = new HashSet<>();
            message.path("tool_calls").forEach(call -> ids.add(call.path("id").asText()));
            Set<String> answered = new HashSet<>();
            for (int n = 0; n < ids.size(); n++) {
                JsonNode result = messages.get(i++);
                assertThat(result.path("role").asText()).isEqualTo("tool");
                assertThat(result.path("content").asText()).isNotEqualTo(NO_RESULT_STUB);
                answered.add(result.path("tool_call_id").asText());
            }
            assertThat(answered).isEqualTo(ids);
            calls += ids.size();
        }
        assertThat(calls).isEqualTo(3);
    }

    private static void assertPassthroughToolIdsPaired(JsonNode body) {
        List<String> uses = new ArrayList<>();
        List<String> results = new ArrayList<>();
        for (JsonNode block : body.path("messages").findParents("type")) {
            switch (block.path("type").asText()) {
                case "tool_use" -> uses.add(block.path("id").asText());
                case "tool_result" -> results.add(block.path("tool_use_id").asText());
                default -> { }
            }
        }
        assertThat(uses).hasSize(3);
        assertThat(results).containsExactlyInAnyOrderElementsOf(uses);
    }

    private static List<JsonNode> byRole(JsonNode chat, String role) {
        List<JsonNode> out = new ArrayList<>();
        chat.path("messages").forEach(m -> {
            if (role.equals(m.path("role").asText())) {
                out.add(m);
            }
        });
        return out;
    }
}
