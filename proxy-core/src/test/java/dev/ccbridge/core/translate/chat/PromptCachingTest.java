package dev.ccbridge.core.translate.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.routing.ModelRouter;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.ProviderPresets;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.ExchangeRun;
import dev.ccbridge.core.testing.Fixtures;
import dev.ccbridge.core.testing.Models;
import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.translate.responses.AnthropicToResponses;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prompt caching on Chat and Responses upstreams: marks where honoured, one cache key per session, cached tokens reported. */
class PromptCachingTest {
    private static final ModelRouter ROUTER = new ModelRouter(ModelCatalog.builtIn());
    private static final String CLAUDE_CODE = Fixtures.text("requests/claude-code-2.1.json");

    private static MessagesRequest request(String json) {
        try {
            return Json.WIRE.readValue(json, MessagesRequest.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Target preset(String id) {
        return ProviderPresets.builtIn().byId(id).orElseThrow().toTarget().withId(id);
    }

    private static JsonNode chat(Target target, String model, MessagesRequest request) {
        var body = AnthropicToChat.translate(request, ROUTER.resolve(target.toBuilder().model(model).build(), model),
                ToolNames.of(request.toolsOrEmpty()));
        return Json.parseOrNull(Json.write(body));
    }

    private static String withSession(String session) {
        return CLAUDE_CODE.replace("\\\"session_id\\\":\\\"123\\\"", "\\\"session_id\\\":\\\"" + session + "\\\"");
    }

    @Test
    void openRouterGetsClaudeCodesCacheMarksOnTheSameBlocks() {
        MessagesRequest request = request(CLAUDE_CODE);
        JsonNode body = chat(preset("openrouter"), "anthropic/claude-sonnet-4.6", request);

        JsonNode system = body.path("messages").get(0);
        assertThat(system.path("role").asText()).isEqualTo("system");
        assertThat(system.path("content").isArray()).as("system blocks stay separate parts").isTrue();
        assertThat(system.path("content").get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        long marksSent = body.findValues("cache_control").size();
        long marksGiven = Json.parseOrNull(CLAUDE_CODE).findValues("cache_control").stream()
                .filter(mark -> !mark.isNull()).count();
        assertThat(marksSent).as("every mark Claude Code set on text").isPositive().isLessThanOrEqualTo(marksGiven);
    }

    @Test
    void upstreamsThatDoNotHonourMarksGetNone() {
        JsonNode body = chat(preset("deepseek"), "deepseek-v4-flash", request(CLAUDE_CODE));

        assertThat(body.findValues("cache_control")).isEmpty();
        assertThat(body.path("messages").get(0).path("content").isTextual()).isTrue();
    }

    @Test
    void openAiGetsOneCacheKeyPerClaudeCodeSessionStableAcrossItsTurns() {
        Target openai = preset("openai");
        String first = chat(openai, "gpt-5.5", request(withSession("s-1"))).path("prompt_cache_key").asText();
        String again = chat(openai, "gpt-5.5", request(withSession("s-1"))).path("prompt_cache_key").asText();
        String other = chat(openai, "gpt-5.5", request(withSession("s-2"))).path("prompt_cache_key").asText();

        assertThat(first).startsWith("ccbridge-").isEqualTo(again).isNotEqualTo(other).doesNotContain("s-1");
        var responses = AnthropicToResponses.translate(request(withSession("s-1")),
                ROUTER.resolve(preset("openai-responses"), "gpt-5.5"), new ToolNames());
        assertThat(responses.promptCacheKey()).isEqualTo(first);
        assertThat(chat(preset("groq"), "llama-4-scout", request(withSession("s-1"))).has("prompt_cache_key"))
                .as("servers that may refuse unknown fields get none").isFalse();
    }

    @Test
    void deepSeeksCacheHitsReachClaudeCodeAsCacheReads() {
        String stream = """
                data: {"choices":[{"index":0,"delta":{"content":"ok"}}]}

                data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":5000,"completion_tokens":2,"prompt_cache_hit_tokens":4096,"prompt_cache_miss_tokens":904}}

                data: [DONE]

                """;
        var answer = ExchangeRun.translated(List.of(stream.getBytes(StandardCharsets.UTF_8)), "text/event-stream",
                out -> new ChatStreamTranslator(out, new ToolNames(), Models.of("deepseek", "deepseek-v4-pro")), false).message();

        assertThat(answer.usage().cacheReadInputTokens()).isEqualTo(4096);
        assertThat(answer.usage().inputTokens()).isEqualTo(904);
    }

    @Test
    void aTargetCanSwitchCacheMarksOnForAGatewayThatHonoursThem() {
        Target gateway = Target.builder().id("gw").provider("litellm").baseUrl("http://127.0.0.1:4000/v1")
                .apiMode(ApiMode.CHAT_COMPLETIONS)
                .capabilities(new ModelCapabilities(null, null, null, null, null, null, null, true, null, null)).build();

        assertThat(chat(gateway, "my-model", request(CLAUDE_CODE)).findValues("cache_control")).isNotEmpty();
    }
}
