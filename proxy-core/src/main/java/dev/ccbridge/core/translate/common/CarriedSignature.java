package dev.ccbridge.core.translate.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Upstream reasoning state carried through Claude Code inside a thinking block's
 * {@code signature}. Claude Code replays thinking blocks verbatim, so a signature of the form
 * {@code ccb1.<base64url(json{mode, model, payload})>} comes back on the next turn and can be
 * turned back into what the upstream needs (a Responses encrypted reasoning item, OpenRouter
 * reasoning details). Such signatures must never reach Anthropic or Bedrock, which would reject
 * them; nor is one ever fabricated for a block that had none.
 */
public final class CarriedSignature {
    public static final String PREFIX = "ccb1.";

    /** @param mode the API mode that wrote it; only the same mode decodes its payload */
    public record Carried(String mode, String model, JsonNode payload) {}

    private CarriedSignature() {}

    public static String encode(String mode, String model, JsonNode payload) {
        ObjectNode json = Json.object();
        json.put("mode", mode);
        json.put("model", model);
        json.set("payload", payload);
        return PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    public static boolean isCarried(String signature) {
        return signature != null && signature.startsWith(PREFIX);
    }

    /** The carried state, if the signature is ours and intact. */
    public static Optional<Carried> decode(String signature) {
        if (!isCarried(signature)) {
            return Optional.empty();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(signature.substring(PREFIX.length()));
            JsonNode node = Json.parseOrNull(new String(json, StandardCharsets.UTF_8));
            if (node == null || !node.path("mode").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new Carried(node.path("mode").asText(), node.path("model").asText(null),
                    node.path("payload")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The payload when the signature was written by {@code mode}; empty for foreign or plain signatures. */
    public static Optional<JsonNode> payloadFor(String signature, String mode) {
        return decode(signature).filter(c -> mode.equals(c.mode())).map(Carried::payload);
    }
}
