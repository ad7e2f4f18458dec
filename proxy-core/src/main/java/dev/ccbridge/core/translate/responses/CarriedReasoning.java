package dev.ccbridge.core.translate.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import dev.ccbridge.core.protocol.openai.responses.InputItem;
import dev.ccbridge.core.translate.common.CarriedSignature;
import java.util.List;
import java.util.Optional;

/**
 * A Responses reasoning item ({@code id} + {@code encrypted_content}) carried through Claude Code in
 * the signature of the thinking block that shows its summary. Claude Code replays the block on
 * the next turn; the item then goes back to the provider as it was, so reasoning survives tool
 * calls without server-side state.
 */
final class CarriedReasoning {
    /** The API mode that writes and reads these signatures. */
    static final String MODE = "codex_responses";

    private CarriedReasoning() {}

    /** How this mode names {@code model}'s upstream in the signatures it writes. */
    static CarriedSignature.Origin origin(ResolvedModel model) {
        return CarriedSignature.Origin.of(MODE, model);
    }

    /** @param origin the upstream (target and model) that produced the reasoning */
    static String signature(CarriedSignature.Origin origin, String id, String encryptedContent) {
        ObjectNode payload = Json.object();
        payload.put("id", id);
        payload.put("encrypted_content", encryptedContent);
        return CarriedSignature.encode(origin, payload);
    }

    /**
     * The reasoning item a replayed thinking block carries, if this mode wrote it for this target
     * and model. Encrypted reasoning only decrypts for the model (and organisation) that made it:
     * anything else (another mode's or target's state, a genuine Anthropic signature, no
     * signature, a different model after a switch) is left out, since a foreign item fails the
     * whole request.
     */
    static Optional<InputItem.Reasoning> replay(ThinkingBlock block, CarriedSignature.Origin here) {
        return CarriedSignature.decode(block.signature())
                .filter(carried -> here.sameUpstream(carried.origin())
                        && here.model().equals(carried.origin().model()))
                .map(CarriedSignature.Carried::payload)
                .filter(payload -> text(payload, "id") != null && text(payload, "encrypted_content") != null)
                .map(payload -> new InputItem.Reasoning(text(payload, "id"), summary(block.thinking()),
                        text(payload, "encrypted_content")));
    }

    private static List<InputItem.SummaryText> summary(String thinking) {
        return thinking == null || thinking.isBlank() ? List.of() : List.of(InputItem.SummaryText.of(thinking));
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
