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
import java.util.regex.Pattern;

/** Mistral: tool-call ids of exactly nine letters and digits, and a conversation that ends with the user or a tool. */
final class MistralChat {
    private MistralChat() {}

    static Profile profile() {
        return Profile.of(Dialect.CHAT).named("mistral")
                .speaking(new Voice(ChatReasoning.NONE, ToolIds.nineAlphanumerics(), Signer.OPENAI))
                .enforcing(List.of(
                        ChatRules.toolCallIds(Pattern.compile("[a-zA-Z0-9]{9}"), (index, id) -> Errors.mistral(
                                "Tool call id was " + id + " but must be a-z, A-Z, 0-9, with a length of 9.",
                                "invalid_function_call", "3280")),
                        new Rule("the last message is the user's or a tool's", request -> {
                            var messages = request.json().path("messages");
                            String role = messages.isEmpty() ? "user"
                                    : messages.get(messages.size() - 1).path("role").asText();
                            return role.equals("assistant") ? Optional.of(Errors.mistral("Expected last role User or "
                                    + "Tool (or Assistant with prefix True) for serving but got assistant",
                                    "invalid_request_message_order", "3230")) : Optional.empty();
                        })));
    }
}
