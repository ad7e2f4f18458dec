package dev.ccbridge.fake.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.Rule;
import dev.ccbridge.fake.Signer;
import dev.ccbridge.fake.Voice;
import dev.ccbridge.fake.Voice.ChatReasoning;
import dev.ccbridge.fake.Voice.ToolIds;
import dev.ccbridge.fake.rules.Errors;
import dev.ccbridge.fake.wire.ResponsesWire;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OpenAI Responses serving a reasoning model: with {@code store:false} nothing is kept, so a
 * reasoning item is only valid with the {@code encrypted_content} this provider made for that
 * item; a function call it made after reasoning needs that reasoning item right before it;
 * {@code call_id} is at most 64 characters, function-call item ids start with {@code fc};
 * unknown parameters are refused, also inside input items.
 */
final class OpenAiResponses {
    static final Set<String> PARAMETERS = Set.of("model", "input", "instructions", "include", "max_output_tokens",
            "max_tool_calls", "metadata", "parallel_tool_calls", "previous_response_id", "prompt", "prompt_cache_key",
            "prompt_cache_retention", "reasoning", "safety_identifier", "service_tier", "store", "stream",
            "stream_options", "temperature", "text", "tool_choice", "tools", "top_logprobs", "top_p", "truncation",
            "user", "background", "conversation");
    static final int MAX_OUTPUT = 128_000;

    private OpenAiResponses() {}

    static Profile profile() {
        return Profile.of(Dialect.RESPONSES).named("openai-responses")
                .speaking(new Voice(ChatReasoning.NONE, ToolIds.prefixed("call_"), Signer.OPENAI))
                .enforcing(List.of(
                        new Rule("only known parameters", request -> {
                            for (Iterator<String> names = request.json().fieldNames(); names.hasNext(); ) {
                                String name = names.next();
                                if (!PARAMETERS.contains(name)) {
                                    return Optional.of(unknown(name));
                                }
                            }
                            return Optional.empty();
                        }),
                        new Rule("max_output_tokens at most " + MAX_OUTPUT, request -> {
                            long value = request.json().path("max_output_tokens").asLong(0);
                            return value > MAX_OUTPUT ? Optional.of(Errors.openai(400, "max_output_tokens is too "
                                    + "large: " + value + ". This model supports at most " + MAX_OUTPUT
                                    + " output tokens.", "max_output_tokens", "invalid_value")) : Optional.empty();
                        }),
                        eachItem("function-call item ids start with fc", (index, item) ->
                                item.path("type").asText().equals("function_call") && item.has("id")
                                        && !item.path("id").asText().startsWith("fc")
                                        ? Optional.of(Errors.openai(400, "Invalid 'input[" + index + "].id': '"
                                        + item.path("id").asText() + "'. Expected an ID that begins with 'fc'.",
                                        "input[" + index + "].id", "invalid_value")) : Optional.empty()),
                        eachItem("call_id at most 64 characters", OpenAiResponses::shortCallId),
                        eachItem("reasoning items carry their own encrypted content", OpenAiResponses::reasoningItem),
                        functionCallsAfterTheirReasoning()));
    }

    private static Reply unknown(String path) {
        return Errors.openai(400, "Unknown parameter: '" + path + "'.", path, "unknown_parameter");
    }

    @FunctionalInterface
    interface ItemCheck {
        Optional<Reply> check(int index, JsonNode item);
    }

    static Rule eachItem(String name, ItemCheck check) {
        return new Rule(name, request -> {
            JsonNode input = request.json().path("input");
            for (int i = 0; i < input.size(); i++) {
                Optional<Reply> refusal = check.check(i, input.get(i));
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<Reply> shortCallId(int index, JsonNode item) {
        int length = item.path("call_id").asText().length();
        return length <= 64 ? Optional.empty() : Optional.of(Errors.openai(400, "Invalid 'input[" + index
                + "].call_id': string too long. Expected a string with maximum length 64, but got a string with length "
                + length + " instead.", "input[" + index + "].call_id", "string_above_max_length"));
    }

    private static Optional<Reply> reasoningItem(int index, JsonNode item) {
        if (!item.path("type").asText().equals("reasoning")) {
            return Optional.empty();
        }
        String id = item.path("id").asText();
        String encrypted = item.path("encrypted_content").asText(null);
        if (encrypted == null) {
            return Optional.of(Errors.openai(404, "Item with id '" + id + "' not found. Items are not persisted "
                    + "when `store` is set to false. Try again with `store` set to true, or remove this item from your "
                    + "input.", "input", null));
        }
        if (!Signer.OPENAI.verifies(ResponsesWire.encryptedFor(id), encrypted)) {
            return Optional.of(Errors.openai(400, "The encrypted content for item " + id + " could not be "
                    + "verified. Reason: Encrypted content could not be decrypted or parsed.", null,
                    "invalid_encrypted_content"));
        }
        return Optional.empty();
    }

    /** A function call this provider made after reasoning comes right after that reasoning item. */
    static Rule functionCallsAfterTheirReasoning() {
        return new Rule("function calls follow their reasoning item", request -> {
            JsonNode input = request.json().path("input");
            for (int i = 0; i < input.size(); i++) {
                JsonNode item = input.get(i);
                String id = item.path("id").asText();
                if (!item.path("type").asText().equals("function_call") || !id.matches("fc_\\d+_0fake")) {
                    continue;
                }
                String reasoning = "rs_" + id.substring(3, id.indexOf('_', 3)) + "fake";
                boolean before = i > 0 && input.get(i - 1).path("id").asText().equals(reasoning)
                        || i > 1 && input.get(i - 2).path("id").asText().equals(reasoning)
                        && input.get(i - 1).path("type").asText().equals("message");
                if (!before) {
                    return Optional.of(Errors.openai(400, "Item '" + id + "' of type 'function_call' was provided "
                            + "without its required 'reasoning' item: '" + reasoning + "'.", "input", null));
                }
            }
            return Optional.empty();
        });
    }
}
