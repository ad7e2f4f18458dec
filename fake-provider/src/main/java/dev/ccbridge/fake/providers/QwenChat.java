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
 * Qwen on DashScope's OpenAI-compatible mode: an output limit per model, and thinking only in
 * streamed calls.
 */
final class QwenChat {
    static final int MAX_OUTPUT = 65_536;

    private QwenChat() {}

    static Profile profile() {
        return Profile.of(Dialect.CHAT).named("qwen")
                .speaking(new Voice(ChatReasoning.REASONING_CONTENT, ToolIds.prefixed("call_"), Signer.OPENAI))
                .enforcing(List.of(
                        ChatRules.maxTokensAtMost(MAX_OUTPUT, (field, value) -> Errors.dashscope(
                                "<400> InternalError.Algo.InvalidParameter: Range of max_tokens should be [1, "
                                        + MAX_OUTPUT + "]")),
                        new Rule("thinking only when streamed", request ->
                                request.json().path("enable_thinking").asBoolean(false)
                                        && !request.json().path("stream").asBoolean(false)
                                        ? Optional.of(Errors.dashscope("<400> InternalError.Algo.InvalidParameter: "
                                        + "parameter.enable_thinking must be set to false for non-streaming calls"))
                                        : Optional.empty())));
    }
}
