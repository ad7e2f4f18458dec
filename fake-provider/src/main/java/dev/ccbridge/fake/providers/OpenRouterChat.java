package dev.ccbridge.fake.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.Jsons;
import dev.ccbridge.fake.Profile;
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

/**
 * OpenRouter routing to a Gemini 3 model: reasoning as {@code reasoning} plus
 * {@code reasoning_details}, whose encrypted item per tool call carries Gemini's thought
 * signature. Details must come back unchanged on the assistant messages of the current turn;
 * without them Google refuses the call, and OpenRouter passes its error on in its own envelope.
 */
final class OpenRouterChat {
    private OpenRouterChat() {}

    static Profile profile() {
        return Profile.of(Dialect.CHAT).named("openrouter")
                .speaking(new Voice(ChatReasoning.REASONING_DETAILS, ToolIds.prefixed("tool_"), Signer.GEMINI))
                .enforcing(List.of(reasoningDetailsBack()));
    }

    static Rule reasoningDetailsBack() {
        return new Rule("current-turn tool calls carry their reasoning details", request -> {
            JsonNode messages = request.json().path("messages");
            int start = ChatRules.currentTurnStart(messages);
            for (int i = start + 1; i < messages.size(); i++) {
                JsonNode first = messages.get(i).path("tool_calls").path(0);
                if (first.isMissingNode()) {
                    continue;
                }
                String name = first.path("function").path("name").asText();
                boolean signed = false;
                for (JsonNode detail : messages.get(i).path("reasoning_details")) {
                    signed |= detail.path("type").asText().equals("reasoning.encrypted")
                            && detail.path("id").asText().equals(first.path("id").asText())
                            && Signer.GEMINI.verifies(ChatWire.thoughtSignatureContent(name),
                            detail.path("data").asText());
                }
                if (!signed) {
                    JsonNode google = Jsons.object().set("error", Jsons.object().put("code", 400).put("message",
                            "Function call is missing a thought_signature in functionCall parts. This is required "
                                    + "for tools to work correctly, and missing thought_signature may lead to degraded "
                                    + "model performance. Additional data, function call `default_api:" + name
                                    + "` , position " + (i + 1) + ". Please refer to "
                                    + "https://ai.google.dev/gemini-api/docs/thought-signatures for more details.")
                            .put("status", "INVALID_ARGUMENT"));
                    return Optional.of(Errors.openrouter(Jsons.write(google), "Google AI Studio"));
                }
            }
            return Optional.empty();
        });
    }
}
