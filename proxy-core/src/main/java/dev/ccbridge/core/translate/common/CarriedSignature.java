package dev.ccbridge.core.translate.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ResolvedModel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Upstream reasoning state carried through Claude Code inside a thinking block's
 * {@code signature}. Claude Code replays thinking blocks verbatim, so a signature of the form
 * {@code ccb1.<base64url(json{mode, target, model, payload})>} comes back on the next turn and can
 * be turned back into what the upstream needs (reasoning text in the field it came in, OpenRouter
 * reasoning details, Gemini thought signatures, a Responses encrypted reasoning item, a gateway's
 * own signature). It goes back only to the target and API mode that wrote it: to any other it is
 * foreign, and is dropped rather than sent where it would be rejected. Nothing is ever fabricated
 * for a block that had no state.
 */
public final class CarriedSignature {
    public static final String PREFIX = "ccb1.";

    /**
     * Where reasoning state came from.
     *
     * @param mode   the API mode that wrote it ({@code chat_completions}, ...)
     * @param target the id of the target that answered
     * @param model  the upstream model that answered
     */
    public record Origin(String mode, String target, String model) {
        public static Origin of(String mode, ResolvedModel model) {
            return new Origin(mode, model.target(), model.upstream());
        }

        /** Same mode and target: the upstream that wrote the state, whatever its model is called now. */
        public boolean sameUpstream(Origin other) {
            return other != null && mode.equals(other.mode) && target != null && target.equals(other.target);
        }
    }

    public record Carried(Origin origin, JsonNode payload) {}

    private CarriedSignature() {}

    public static String encode(Origin origin, JsonNode payload) {
        ObjectNode json = Json.object();
        json.put("mode", origin.mode());
        json.put("target", origin.target());
        json.put("model", origin.model());
        json.set("payload", payload);
        return PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    public static boolean isCarried(String signature) {
        return signature != null && signature.startsWith(PREFIX);
    }

    /** The carried state, if the signature is ccbridge's and intact. */
    public static Optional<Carried> decode(String signature) {
        if (!isCarried(signature)) {
            return Optional.empty();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(signature.substring(PREFIX.length()));
            JsonNode node = Json.parseOrNull(new String(json, StandardCharsets.UTF_8));
            if (node == null || !node.path("mode").isTextual() || !node.path("payload").isObject()) {
                return Optional.empty();
            }
            var origin = new Origin(node.path("mode").asText(), node.path("target").asText(null),
                    node.path("model").asText(null));
            return Optional.of(new Carried(origin, node.path("payload")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The payload when the signature was written by the upstream {@code here} names; empty for any other. */
    public static Optional<JsonNode> payloadFrom(String signature, Origin here) {
        return decode(signature).filter(carried -> here.sameUpstream(carried.origin())).map(Carried::payload);
    }
}
