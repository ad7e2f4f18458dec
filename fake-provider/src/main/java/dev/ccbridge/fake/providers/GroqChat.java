package dev.ccbridge.fake.providers;

import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Signer;
import dev.ccbridge.fake.Voice;
import dev.ccbridge.fake.Voice.ChatReasoning;
import dev.ccbridge.fake.Voice.ToolIds;
import dev.ccbridge.fake.rules.ChatRules;
import dev.ccbridge.fake.rules.Errors;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groq: a strict schema that refuses every parameter and message property it does not know
 * ({@code cache_control}, {@code reasoning_content}, {@code prompt_cache_key}, ...); reasoning as
 * {@code reasoning}; an output limit per model.
 */
final class GroqChat {
    static final int MAX_OUTPUT = 65_536;
    static final Set<String> PARAMETERS = Set.of("model", "messages", "max_tokens", "max_completion_tokens", "stream",
            "stream_options", "tools", "tool_choice", "parallel_tool_calls", "temperature", "top_p", "stop", "seed",
            "n", "response_format", "reasoning_effort", "reasoning_format", "include_reasoning", "user",
            "frequency_penalty", "presence_penalty", "logprobs", "top_logprobs", "logit_bias", "service_tier", "metadata", "search_settings",
            "function_call", "functions");
    static final Map<String, Set<String>> MESSAGE_PROPERTIES = Map.of(
            "system", Set.of("role", "content", "name"),
            "developer", Set.of("role", "content", "name"),
            "user", Set.of("role", "content", "name"),
            "assistant", Set.of("role", "content", "name", "tool_calls", "reasoning", "function_call"),
            "tool", Set.of("role", "content", "tool_call_id", "name"));

    private GroqChat() {}

    static Profile profile() {
        return Profile.of(Dialect.CHAT).named("groq")
                .speaking(new Voice(ChatReasoning.REASONING, ToolIds.prefixed("call_"), Signer.OPENAI))
                .enforcing(List.of(
                        ChatRules.knownParameters(PARAMETERS, name -> Errors.brief("property '" + name
                                + "' is unsupported", null)),
                        ChatRules.knownMessageProperties(MESSAGE_PROPERTIES, (index, role, property) -> Errors.brief(
                                "'messages." + index + "' : for 'role:" + role + "' the following must be "
                                        + "satisfied[('messages." + index + "' : property '" + property
                                        + "' is unsupported)]", null)),
                        ChatRules.maxTokensAtMost(MAX_OUTPUT, (field, value) -> Errors.brief("`" + field
                                + "` must be less than or equal to `" + MAX_OUTPUT + "`, the maximum value for `"
                                + field + "` is less than the `context_window` for this model", field))));
    }
}
