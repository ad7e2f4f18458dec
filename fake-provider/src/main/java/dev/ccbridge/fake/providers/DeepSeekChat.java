package dev.ccbridge.fake.providers;

import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Rule;
import dev.ccbridge.fake.Signer;
import dev.ccbridge.fake.Voice;
import dev.ccbridge.fake.Voice.ChatReasoning;
import dev.ccbridge.fake.Voice.ToolIds;
import dev.ccbridge.fake.rules.ChatRules;
import dev.ccbridge.fake.rules.Errors;
import java.util.List;
import java.util.Optional;

/**
 * DeepSeek V4 in thinking mode (its default): reasoning as {@code reasoning_content}, which must
 * come back on every assistant message that called tools; output limit by model.
 */
final class DeepSeekChat {
    static final int MAX_OUTPUT = 384_000;

    private DeepSeekChat() {}

    static Profile profile() {
        return Profile.of(Dialect.CHAT).named("deepseek")
                .speaking(new Voice(ChatReasoning.REASONING_CONTENT, ToolIds.prefixed("call_00_"), Signer.OPENAI))
                .enforcing(List.of(
                        ChatRules.maxTokensAtMost(MAX_OUTPUT, (field, value) -> Errors.openai(400,
                                "Invalid max_tokens value, the valid range of max_tokens is [1, " + MAX_OUTPUT + "]",
                                null, "invalid_request_error")),
                        thinkingMode(ChatRules.toolCallTurnsCarry("reasoning_content", (index, field) ->
                                Errors.openai(400, "The `reasoning_content` in the thinking mode must be passed back "
                                        + "to the API.", null, "invalid_request_error")))));
    }

    /** The rule, only while thinking is on (DeepSeek V4: unless {@code thinking.type} is {@code disabled}). */
    static Rule thinkingMode(Rule rule) {
        return new Rule(rule.name() + " in thinking mode", request ->
                request.json().path("thinking").path("type").asText("enabled").equals("disabled")
                        ? Optional.empty() : rule.refusal(request));
    }
}
