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
import dev.ccbridge.fake.rules.ChatRules;
import dev.ccbridge.fake.rules.Errors;
import dev.ccbridge.fake.wire.ChatWire;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gemini 3 on Google's OpenAI-compatible endpoint: tool schemas only in Gemini's subset of JSON
 * Schema; each turn's first tool call carries a thought signature that must come back on the
 * calls of the current turn (Google's documented dummy signatures stand in for calls another
 * model made); errors as a JSON array.
 */
final class GeminiChat {
    static final Set<String> UNKNOWN_SCHEMA_FIELDS = Set.of("$schema", "additionalProperties", "exclusiveMinimum",
            "exclusiveMaximum", "propertyNames", "const", "$ref", "$defs", "definitions", "patternProperties");
    /** Google's documented stand-ins for calls the model did not make itself. */
    static final Set<String> DUMMY_SIGNATURES = Set.of("skip_thought_signature_validator",
            "context_engineering_is_the_way_to_go");
    static final int MAX_OUTPUT = 65_536;

    private GeminiChat() {}

    static Profile profile() {
        return Profile.of(Dialect.CHAT).named("gemini")
                .speaking(new Voice(ChatReasoning.THOUGHT_SIGNATURES, ToolIds.prefixed("call_"), Signer.GEMINI))
                .enforcing(List.of(
                        ChatRules.schemaKeywords(UNKNOWN_SCHEMA_FIELDS, GeminiChat::unknownSchemaField),
                        ChatRules.maxTokensAtMost(MAX_OUTPUT, (field, value) -> Errors.gemini(
                                "Unable to submit request because it has a maxOutputTokens value of " + value
                                        + " but the supported range is from 1 (inclusive) to " + (MAX_OUTPUT + 1)
                                        + " (exclusive). Update the value and try again.")),
                        thoughtSignatures()));
    }

    private static Reply unknownSchemaField(String keyword, String at) {
        return Errors.gemini(keyword.equals("type")
                ? "Invalid JSON payload received. Unknown name \"type\" at '" + at
                + "': Proto field is not repeating, cannot start list."
                : "Invalid JSON payload received. Unknown name \"" + keyword + "\" at '" + at
                + "': Cannot find field.");
    }

    /** The first tool call of each assistant message in the current turn carries a valid thought signature. */
    static Rule thoughtSignatures() {
        return new Rule("current-turn tool calls carry their thought signature", request -> {
            JsonNode messages = request.json().path("messages");
            int position = 0;
            int start = ChatRules.currentTurnStart(messages);
            for (int i = 0; i < messages.size(); i++) {
                JsonNode message = messages.get(i);
                if (message.path("role").asText().matches("system|developer")) {
                    continue;
                }
                position++;
                JsonNode first = message.path("tool_calls").path(0);
                if (i <= start || first.isMissingNode()) {
                    continue;
                }
                String signature = first.path("extra_content").path("google").path("thought_signature").asText(null);
                if (signature == null) {
                    return Optional.of(Errors.gemini("Function call is missing a thought_signature in functionCall "
                            + "parts. This is required for tools to work correctly, and missing thought_signature may "
                            + "lead to degraded model performance. Additional data, function call `default_api:"
                            + first.path("function").path("name").asText() + "` , position " + position
                            + ". Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more "
                            + "details."));
                }
                if (!DUMMY_SIGNATURES.contains(signature) && !Signer.GEMINI.verifies(
                        ChatWire.thoughtSignatureContent(first.path("function").path("name").asText()), signature)) {
                    return Optional.of(Errors.gemini("Corrupted thought signature."));
                }
            }
            return Optional.empty();
        });
    }
}
