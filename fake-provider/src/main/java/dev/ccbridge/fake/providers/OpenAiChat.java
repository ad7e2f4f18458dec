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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OpenAI Chat Completions serving a reasoning model (GPT-5 family): it shows no reasoning, wants
 * {@code max_completion_tokens}, refuses sampling parameters other than their defaults and
 * parameters it does not know, and caps tool-call ids at 40 characters.
 */
final class OpenAiChat {
    static final int MAX_OUTPUT = 128_000;
    static final Set<String> PARAMETERS = Set.of("model", "messages", "audio", "frequency_penalty", "function_call",
            "functions", "logit_bias", "logprobs", "max_completion_tokens", "max_tokens", "metadata", "modalities", "n",
            "parallel_tool_calls", "prediction", "presence_penalty", "prompt_cache_key", "prompt_cache_retention",
            "reasoning_effort", "response_format", "safety_identifier", "seed", "service_tier", "stop", "store",
            "stream", "stream_options", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "user",
            "verbosity", "web_search_options");
    static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

    private OpenAiChat() {}

    static Profile profile() {
        return Profile.of(Dialect.CHAT).named("openai")
                .speaking(new Voice(ChatReasoning.NONE, ToolIds.prefixed("call_"), Signer.OPENAI))
                .enforcing(rules());
    }

    static List<Rule> rules() {
        return List.of(
                ChatRules.knownParameters(PARAMETERS, name -> Errors.openai(400,
                        "Unrecognized request argument supplied: " + name, null, null)),
                ChatRules.refusesParameter("max_tokens", Errors.openai(400, "Unsupported parameter: 'max_tokens' "
                        + "is not supported with this model. Use 'max_completion_tokens' instead.", "max_tokens",
                        "unsupported_parameter")),
                ChatRules.maxTokensAtMost(MAX_OUTPUT, (field, value) -> Errors.openai(400, "max_tokens is too large: "
                        + value + ". This model supports at most " + MAX_OUTPUT
                        + " completion tokens, whereas you provided " + value + ".", "max_tokens", "invalid_value")),
                defaultOnly("temperature"),
                defaultOnly("top_p"),
                ChatRules.refusesParameter("stop", Errors.openai(400, "Unsupported parameter: 'stop' is not "
                        + "supported with this model.", "stop", "unsupported_parameter")),
                ChatRules.toolCallIdsAtMost(40, (index, id) -> Errors.openai(400, "Invalid 'messages[" + index
                        + "].tool_calls[0].id': string too long. Expected a string with maximum length 40, but got a "
                        + "string with length " + id.length() + " instead.", "messages[" + index + "].tool_calls[0].id",
                        "string_above_max_length")),
                toolNames(TOOL_NAME));
    }

    /** Reasoning models take sampling parameters only at their default, 1. */
    static Rule defaultOnly(String parameter) {
        return new Rule(parameter + " only at its default", request -> {
            var value = request.json().path(parameter);
            return value.isNumber() && value.asDouble() != 1.0
                    ? Optional.of(Errors.openai(400, "Unsupported value: '" + parameter + "' does not support "
                    + value.asText() + " with this model. Only the default (1) value is supported.", parameter,
                    "unsupported_value"))
                    : Optional.empty();
        });
    }

    static Rule toolNames(Pattern pattern) {
        return new Rule("tool names match " + pattern, request -> {
            var tools = request.json().path("tools");
            for (int i = 0; i < tools.size(); i++) {
                String name = tools.get(i).path("function").path("name").asText();
                if (!pattern.matcher(name).matches()) {
                    return Optional.of(Errors.openai(400, "Invalid 'tools[" + i + "].function.name': string does not "
                            + "match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
                            "tools[" + i + "].function.name", "invalid_value"));
                }
            }
            return Optional.empty();
        });
    }
}
