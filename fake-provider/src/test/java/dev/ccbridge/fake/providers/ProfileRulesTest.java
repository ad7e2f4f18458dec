package dev.ccbridge.fake.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.fake.Jsons;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Received;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.Rule;
import dev.ccbridge.fake.Signer;
import dev.ccbridge.fake.agent.TaskAgent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of every conformance profile can fail: a request that breaks it gets the provider's
 * own refusal (status and words), and the same profile without that rule answers it. So a
 * profile that passes a session means the rules were kept, not that they were never looked at.
 */
class ProfileRulesTest {
    private static final String CHAT = "/v1/chat/completions";
    private static final String RESPONSES = "/v1/responses";
    private static final String MESSAGES = "/v1/messages";
    private static final String CONVERSE = "/model/us.anthropic.claude-sonnet-4-6/converse-stream";

    /** A request that breaks one rule of a preset's profile, and what the provider answers. */
    record Broken(String preset, String rule, String path, String body, int status, String says) {
        @Override
        public String toString() {
            return preset + ": " + rule;
        }
    }

    private static String chatTurn(String assistant) {
        return """
                {"model":"m","stream":true,"messages":[{"role":"system","content":"s"},
                 {"role":"user","content":"Please run the marker command"},%s,
                 {"role":"tool","tool_call_id":"call_1","content":"ok"}]}""".formatted(assistant);
    }

    /** An Anthropic history whose tool-calling turn has no thinking block. */
    private static final String TOOL_TURN_WITHOUT_THINKING = """
            {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"},
             {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{}}]},
             {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"ok"}]}]}""";

    private static final String CALL = """
            {"id":"call_1","type":"function","function":{"name":"Bash","arguments":"{}"}}""";

    static Stream<Broken> broken() {
        String claudeSigned = Signer.CLAUDE.sign(TaskAgent.REASONING);
        return Stream.of(
                new Broken("openai", "only known parameters", CHAT,
                        "{\"model\":\"m\",\"thinking\":{\"type\":\"enabled\"},\"messages\":[]}", 400,
                        "Unrecognized request argument supplied: thinking"),
                new Broken("openai", "no max_tokens", CHAT, "{\"model\":\"m\",\"max_tokens\":100,\"messages\":[]}", 400,
                        "Use 'max_completion_tokens' instead."),
                new Broken("openai", "output limit at most 128000", CHAT,
                        "{\"model\":\"m\",\"max_completion_tokens\":200000,\"messages\":[]}", 400,
                        "This model supports at most 128000 completion tokens"),
                new Broken("openai", "temperature only at its default", CHAT,
                        "{\"model\":\"m\",\"temperature\":0.5,\"messages\":[]}", 400,
                        "'temperature' does not support 0.5 with this model"),
                new Broken("openai", "top_p only at its default", CHAT, "{\"model\":\"m\",\"top_p\":0.9,\"messages\":[]}",
                        400, "'top_p' does not support 0.9"),
                new Broken("openai", "no stop", CHAT, "{\"model\":\"m\",\"stop\":[\"x\"],\"messages\":[]}", 400,
                        "'stop' is not supported with this model"),
                new Broken("openai", "tool-call ids at most 40 characters", CHAT, chatTurn("""
                        {"role":"assistant","content":null,"tool_calls":[{"id":"toolu_0123456789012345678901234567890123456789",
                         "type":"function","function":{"name":"Bash","arguments":"{}"}}]}"""), 400,
                        "Expected a string with maximum length 40, but got a string with length 46 instead."),
                new Broken("openai", "tool names match ^[a-zA-Z0-9_-]{1,64}$", CHAT, """
                        {"model":"m","messages":[],"tools":[{"type":"function","function":{"name":"mcp.server:tool"}}]}""",
                        400, "Invalid 'tools[0].function.name': string does not match pattern"),
                new Broken("deepseek", "output limit at most 384000", CHAT,
                        "{\"model\":\"m\",\"max_tokens\":500000,\"messages\":[]}", 400,
                        "the valid range of max_tokens is [1, 384000]"),
                new Broken("deepseek", "assistant tool-call turns carry reasoning_content in thinking mode", CHAT,
                        chatTurn("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + CALL + "]}"), 400,
                        "The `reasoning_content` in the thinking mode must be passed back to the API."),
                new Broken("moonshot", "assistant tool-call turns carry reasoning_content in thinking mode", CHAT,
                        chatTurn("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + CALL + "]}"), 400,
                        "thinking is enabled but reasoning_content is missing in assistant tool call message at index 2"),
                new Broken("moonshot", "tool-call ids match functions\\.[^:]+:\\d+", CHAT, chatTurn("""
                        {"role":"assistant","content":null,"reasoning_content":"r","tool_calls":[%s]}""".formatted(CALL)),
                        200, "<|tool_calls_section_begin|>"),
                new Broken("qwen", "output limit at most 65536", CHAT,
                        "{\"model\":\"m\",\"max_tokens\":70000,\"messages\":[]}", 400,
                        "Range of max_tokens should be [1, 65536]"),
                new Broken("qwen", "thinking only when streamed", CHAT,
                        "{\"model\":\"m\",\"enable_thinking\":true,\"stream\":false,\"messages\":[]}", 400,
                        "parameter.enable_thinking must be set to false for non-streaming calls"),
                new Broken("groq", "only known parameters", CHAT,
                        "{\"model\":\"m\",\"prompt_cache_key\":\"k\",\"messages\":[]}", 400,
                        "property 'prompt_cache_key' is unsupported"),
                new Broken("groq", "only known message properties", CHAT, chatTurn("""
                        {"role":"assistant","content":null,"reasoning_content":"r","tool_calls":[%s]}""".formatted(CALL)),
                        400, "'messages.2' : for 'role:assistant' the following must be satisfied[('messages.2' : "
                        + "property 'reasoning_content' is unsupported)]"),
                new Broken("groq", "output limit at most 65536", CHAT,
                        "{\"model\":\"m\",\"max_completion_tokens\":100000,\"messages\":[]}", 400,
                        "`max_completion_tokens` must be less than or equal to `65536`"),
                new Broken("mistral", "tool-call ids match [a-zA-Z0-9]{9}", CHAT,
                        chatTurn("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + CALL + "]}"), 400,
                        "Tool call id was call_1 but must be a-z, A-Z, 0-9, with a length of 9."),
                new Broken("mistral", "the last message is the user's or a tool's", CHAT, """
                        {"model":"m","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"x"}]}""",
                        400, "Expected last role User or Tool"),
                new Broken("gemini", "tool schemas in the supported subset", CHAT, """
                        {"model":"m","messages":[],"tools":[{"type":"function","function":{"name":"Read","parameters":
                         {"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer","exclusiveMinimum":0}}}}}]}""",
                        400, "Unknown name \\\"exclusiveMinimum\\\" at 'tools[0].function_declarations[0].parameters"
                        + ".properties[1].value': Cannot find field."),
                new Broken("gemini", "output limit at most 65536", CHAT,
                        "{\"model\":\"m\",\"max_tokens\":128000,\"messages\":[]}", 400,
                        "maxOutputTokens value of 128000"),
                new Broken("gemini", "current-turn tool calls carry their thought signature", CHAT,
                        chatTurn("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + CALL + "]}"), 400,
                        "Function call is missing a thought_signature in functionCall parts."),
                new Broken("openrouter", "current-turn tool calls carry their reasoning details", CHAT,
                        chatTurn("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + CALL + "]}"), 400,
                        "Provider returned error"),
                new Broken("vllm", "prompt and output limit fit the context", CHAT,
                        "{\"model\":\"m\",\"max_tokens\":262144,\"messages\":[]}", 400,
                        "This model's maximum context length is 262144 tokens"),
                new Broken("openai-responses", "only known parameters", RESPONSES,
                        "{\"model\":\"m\",\"input\":[],\"temperture\":1}", 400, "Unknown parameter: 'temperture'."),
                new Broken("openai-responses", "max_output_tokens at most 128000", RESPONSES,
                        "{\"model\":\"m\",\"input\":[],\"max_output_tokens\":200000}", 400, "max_output_tokens is too large"),
                new Broken("openai-responses", "function-call item ids start with fc", RESPONSES, """
                        {"model":"m","input":[{"type":"function_call","id":"toolu_1","call_id":"c","name":"Bash","arguments":"{}"}]}""",
                        400, "Invalid 'input[0].id': 'toolu_1'. Expected an ID that begins with 'fc'."),
                new Broken("openai-responses", "call_id at most 64 characters", RESPONSES, """
                        {"model":"m","input":[{"type":"function_call_output","call_id":"%s","output":"ok"}]}"""
                        .formatted("c".repeat(80)), 400, "Expected a string with maximum length 64, but got a string with length 80"),
                new Broken("openai-responses", "reasoning items carry their own encrypted content", RESPONSES, """
                        {"model":"m","store":false,"input":[{"type":"reasoning","id":"rs_1fake","summary":[]}]}""", 404,
                        "Item with id 'rs_1fake' not found. Items are not persisted when `store` is set to false."),
                new Broken("openai-responses", "function calls follow their reasoning item", RESPONSES, """
                        {"model":"m","store":false,"input":[{"type":"message","role":"user","content":"hi"},
                         {"type":"function_call","id":"fc_1_0fake","call_id":"c","name":"Bash","arguments":"{}"}]}""", 400,
                        "Item 'fc_1_0fake' of type 'function_call' was provided without its required 'reasoning' item: 'rs_1fake'."),
                new Broken("anthropic", "max_tokens at most 128000", MESSAGES,
                        "{\"model\":\"claude-x\",\"max_tokens\":200000,\"messages\":[]}", 400,
                        "max_tokens: 200000 > 128000, which is the maximum allowed number of output tokens for claude-x"),
                new Broken("anthropic", "thinking signed by this provider", MESSAGES, """
                        {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":
                         [{"type":"thinking","thinking":"%s","signature":"%s"},{"type":"text","text":"x"}]},
                         {"role":"user","content":"go on"}]}""".formatted(TaskAgent.REASONING,
                        AnthropicMessages.KIMI.sign(TaskAgent.REASONING)), 400,
                        "messages.1.content.0: Invalid `signature` in `thinking` block"),
                new Broken("anthropic", "an open tool loop starts with thinking", MESSAGES, """
                        {"model":"m","max_tokens":2000,"thinking":{"type":"enabled","budget_tokens":1024},"messages":[
                         {"role":"user","content":"hi"},{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{}}]},
                         {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"ok"}]}]}""", 400,
                        "messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`."),
                new Broken("anthropic", "every tool_use answered in the next message", MESSAGES, """
                        {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"},
                         {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{}}]},
                         {"role":"user","content":"never mind"}]}""", 400,
                        "`tool_use` ids were found without `tool_result` blocks immediately after: t1."),
                new Broken("anthropic", "tool_use ids match ^[a-zA-Z0-9_-]+$", MESSAGES, """
                        {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"},
                         {"role":"assistant","content":[{"type":"tool_use","id":"functions.Bash:0","name":"Bash","input":{}}]},
                         {"role":"user","content":[{"type":"tool_result","tool_use_id":"functions.Bash:0","content":"ok"}]}]}""",
                        400, "messages.1.content.0.tool_use.id: String should match pattern '^[a-zA-Z0-9_-]+$'"),
                new Broken("anthropic", "at most 4 cache_control marks, none on thinking", MESSAGES, """
                        {"model":"m","max_tokens":10,"system":[%s,%s,%s],"messages":[{"role":"user","content":[%s,%s]}]}"""
                        .formatted(marked(), marked(), marked(), marked(), marked()), 400,
                        "A maximum of 4 blocks with cache_control may be provided. Found 5."),
                new Broken("deepseek-anthropic", "max_tokens at most 384000", MESSAGES,
                        "{\"model\":\"deepseek-v4-pro\",\"max_tokens\":400000,\"messages\":[]}", 400,
                        "max_tokens: 400000 > 384000"),
                new Broken("deepseek-anthropic", "assistant tool turns carry their thinking", MESSAGES,
                        TOOL_TURN_WITHOUT_THINKING, 400,
                        "The content[].thinking in the thinking mode must be passed back to the API."),
                new Broken("anthropic-gateway", "assistant tool turns carry their thinking", MESSAGES,
                        TOOL_TURN_WITHOUT_THINKING, 400,
                        "thinking is enabled but reasoning_content is missing in assistant tool call message at index 1"),
                new Broken("anthropic-gateway", "cache_control without ttl", MESSAGES, """
                        {"model":"m","max_tokens":10,"messages":[{"role":"user","content":[{"type":"text","text":"hi",
                         "cache_control":{"type":"ephemeral","ttl":"1h"}}]}]}""", 400, "`cache_control.ttl: 1h` is not supported"),
                new Broken("bedrock", "maxTokens at most 128000", CONVERSE, """
                        {"messages":[{"role":"user","content":[{"text":"hi"}]}],"inferenceConfig":{"maxTokens":200000}}""",
                        400, "The maximum tokens you requested exceeds the model limit of 128000."),
                new Broken("bedrock", "toolConfig with tool blocks", CONVERSE, """
                        {"messages":[{"role":"user","content":[{"text":"hi"}]},{"role":"assistant","content":[{"toolUse":
                         {"toolUseId":"t1","name":"Bash","input":{}}}]},{"role":"user","content":[{"toolResult":
                         {"toolUseId":"t1","content":[{"text":"ok"}]}}]}]}""", 400,
                        "The toolConfig field must be defined when using toolUse and toolResult content blocks."),
                new Broken("bedrock", "no blank text", CONVERSE, """
                        {"messages":[{"role":"user","content":[{"text":" "}]}]}""", 400,
                        "The text field in the ContentBlock object at messages.0.content.0 is blank."),
                new Broken("bedrock", "roles alternate", CONVERSE, """
                        {"messages":[{"role":"user","content":[{"text":"a"}]},{"role":"user","content":[{"text":"b"}]}]}""",
                        400, "A conversation must alternate between user and assistant roles."),
                new Broken("bedrock", "tool-use ids match [a-zA-Z0-9_-]+", CONVERSE, """
                        {"messages":[{"role":"user","content":[{"text":"hi"}]},{"role":"assistant","content":[{"toolUse":
                         {"toolUseId":"functions.Bash:0","name":"Bash","input":{}}}]}],"toolConfig":{"tools":[]}}""", 400,
                        "Value 'functions.Bash:0' at 'messages.2.member.content.1.member.toolUse.toolUseId' failed to satisfy"),
                new Broken("bedrock", "reasoning signed by Claude", CONVERSE, """
                        {"messages":[{"role":"user","content":[{"text":"hi"}]},{"role":"assistant","content":[
                         {"reasoningContent":{"reasoningText":{"text":"%s","signature":"%s"}}},{"text":"x"}]},
                         {"role":"user","content":[{"text":"go on"}]}]}""".formatted(TaskAgent.REASONING,
                        AnthropicMessages.DEEPSEEK.sign(TaskAgent.REASONING)), 400,
                        "messages.1.content.0: Invalid `signature` in `thinking` block"));
    }

    private static String marked() {
        return "{\"type\":\"text\",\"text\":\"x\",\"cache_control\":{\"type\":\"ephemeral\"}}";
    }

    static Received post(String path, String body) {
        return new Received("POST", path, Map.of(), body.getBytes(StandardCharsets.UTF_8), Jsons.parseOrNull(body));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aRequestThatBreaksTheRuleGetsTheProvidersOwnRefusal(Broken broken) {
        Profile profile = Providers.forPreset(broken.preset());
        assertThat(profile.rules()).extracting(Rule::name).as("the profile's rules").contains(broken.rule());
        Received request = post(broken.path(), broken.body());
        assertThat(request.json()).as("the example is JSON").isNotNull();

        Reply refused = profile.respond(request);
        assertThat(refused.status()).as(refused.body()).isEqualTo(broken.status());
        assertThat(refused.body()).contains(broken.says());

        Reply answered = profile.without(broken.rule()).respond(request);
        assertThat(answered.status()).as("without that rule: %s", answered.body()).isEqualTo(200);
        assertThat(answered.body()).doesNotContain(broken.says());
    }

    @Test
    void everyRuleOfEveryProfileIsShownBroken() {
        List<String> shown = broken().map(b -> b.preset() + ": " + b.rule()).toList();
        for (String preset : Providers.presets()) {
            for (Rule rule : Providers.forPreset(preset).rules()) {
                assertThat(shown).as("an example that breaks it").contains(preset + ": " + rule.name());
            }
        }
    }
}
