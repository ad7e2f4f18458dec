package dev.ccbridge.core.translate.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import dev.ccbridge.core.translate.common.CarriedSignature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What of a Chat answer's reasoning its upstream wants back, carried through Claude Code in the
 * signature of a thinking block ({@link CarriedSignature}): the field the reasoning text came in
 * ({@code reasoning_content} or {@code reasoning}), OpenRouter's {@code reasoning_details}, and
 * Gemini's thought signatures by tool call. The thinking block itself shows the text.
 */
final class CarriedChatReasoning {
    /** The API mode that writes and reads these signatures. */
    static final String MODE = "chat_completions";

    private static final String FIELD = "field";
    private static final String DETAILS = "details";
    private static final String TOOL_SIGNATURES = "tool_signatures";

    private CarriedChatReasoning() {}

    /** Gathered while an answer streams, until its thinking block closes. */
    static final class Gathered {
        private final CarriedSignature.Origin origin;
        private final ReasoningDetails details = new ReasoningDetails();
        private final Map<String, String> toolSignatures = new LinkedHashMap<>();
        private String field;

        Gathered(CarriedSignature.Origin origin) {
            this.origin = origin;
        }

        /** Reasoning text arrived in {@code field}. */
        void text(String fieldName) {
            if (field == null) {
                field = fieldName;
            }
        }

        void details(JsonNode fragments) {
            details.add(fragments);
        }

        /** A thought signature for the tool call Claude Code knows as {@code toolUseId}. */
        void toolSignature(String toolUseId, String signature) {
            toolSignatures.put(toolUseId, signature);
        }

        boolean isEmpty() {
            return field == null && details.isEmpty() && toolSignatures.isEmpty();
        }

        /** The signature for what was gathered since the last one; starts over. */
        String signature() {
            ObjectNode payload = Json.object();
            if (field != null) {
                payload.put(FIELD, field);
            }
            if (!details.isEmpty()) {
                payload.set(DETAILS, details.toJson());
            }
            if (!toolSignatures.isEmpty()) {
                ObjectNode byCall = payload.putObject(TOOL_SIGNATURES);
                toolSignatures.forEach(byCall::put);
            }
            field = null;
            details.clear();
            toolSignatures.clear();
            return CarriedSignature.encode(origin, payload);
        }
    }

    /**
     * What a replayed thinking block carries for the upstream {@code here} names.
     *
     * @param field           the field its text goes back in (null: the block carried no text state)
     * @param details         OpenRouter's details, or null
     * @param toolSignatures  Gemini thought signatures by tool_use id
     */
    record Replay(String field, JsonNode details, Map<String, String> toolSignatures) {}

    /** The state a thinking block carries, if that upstream wrote it; empty for any other block. */
    static Optional<Replay> replay(ThinkingBlock block, CarriedSignature.Origin here) {
        return CarriedSignature.payloadFrom(block.signature(), here).map(payload -> {
            Map<String, String> signatures = new LinkedHashMap<>();
            payload.path(TOOL_SIGNATURES).properties().forEach(entry -> {
                if (entry.getValue().isTextual()) {
                    signatures.put(entry.getKey(), entry.getValue().asText());
                }
            });
            JsonNode details = payload.path(DETAILS);
            return new Replay(payload.path(FIELD).asText(null), details.isArray() && !details.isEmpty() ? details : null,
                    signatures);
        });
    }
}
