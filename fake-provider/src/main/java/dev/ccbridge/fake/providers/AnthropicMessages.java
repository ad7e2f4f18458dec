package dev.ccbridge.fake.providers;

import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.Jsons;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.Signer;
import dev.ccbridge.fake.Voice;
import dev.ccbridge.fake.Voice.ChatReasoning;
import dev.ccbridge.fake.Voice.ToolIds;
import dev.ccbridge.fake.rules.AnthropicRules;
import dev.ccbridge.fake.rules.Errors;
import java.util.List;

/** Anthropic's Messages API and two gateways that speak it with rules of their own. */
final class AnthropicMessages {
    static final int CLAUDE_MAX_OUTPUT = 128_000;
    static final int DEEPSEEK_MAX_OUTPUT = 384_000;
    static final Signer DEEPSEEK = new Signer("deepseek-anthropic", "");
    static final Signer KIMI = new Signer("kimi-anthropic", "");

    private AnthropicMessages() {}

    /** Anthropic: thinking only with Anthropic's signatures, tool loops well formed, at most four cache marks. */
    static Profile anthropic() {
        return Profile.of(Dialect.ANTHROPIC).named("anthropic")
                .speaking(new Voice(ChatReasoning.NONE, ToolIds.prefixed("toolu_"), Signer.CLAUDE))
                .enforcing(List.of(
                        AnthropicRules.maxTokensAtMost(CLAUDE_MAX_OUTPUT),
                        AnthropicRules.signedThinking(Signer.CLAUDE),
                        AnthropicRules.toolLoopOpensWithThinking(),
                        AnthropicRules.toolUsesAnswered(),
                        AnthropicRules.toolUseIds(),
                        AnthropicRules.cacheControlLimits()));
    }

    /** DeepSeek's Anthropic endpoint: its own signatures; in thinking mode, thinking must come back on tool turns. */
    static Profile deepseek() {
        return Profile.of(Dialect.ANTHROPIC).named("deepseek-anthropic")
                .speaking(new Voice(ChatReasoning.NONE, ToolIds.prefixed("call_00_"), DEEPSEEK))
                .enforcing(List.of(
                        AnthropicRules.maxTokensAtMost(DEEPSEEK_MAX_OUTPUT),
                        AnthropicRules.toolTurnsCarryThinking(index -> Errors.anthropic(
                                "The content[].thinking in the thinking mode must be passed back to the API."))));
    }

    /**
     * A strict Anthropic-compatible gateway, as Kimi's Anthropic endpoint (its own signatures,
     * thinking back on tool turns) with {@code cache_control.ttl} refused as strict Messages
     * implementations do.
     */
    static Profile gateway() {
        return Profile.of(Dialect.ANTHROPIC).named("anthropic-gateway")
                .speaking(new Voice(ChatReasoning.NONE, ToolIds.prefixed("toolu_"), KIMI))
                .enforcing(List.of(
                        AnthropicRules.toolTurnsCarryThinking(index -> gatewayError("thinking is enabled but "
                                + "reasoning_content is missing in assistant tool call message at index " + index)),
                        AnthropicRules.noCacheTtl(gatewayError("`cache_control.ttl: 1h` is not supported"))));
    }

    private static Reply gatewayError(String message) {
        var body = Jsons.object();
        body.putObject("error").put("type", "invalid_request_error").put("message", message);
        body.put("type", "error");
        return Reply.json(400, Jsons.write(body));
    }
}
