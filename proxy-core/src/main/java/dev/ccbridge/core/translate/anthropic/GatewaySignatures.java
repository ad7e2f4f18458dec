package dev.ccbridge.core.translate.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.translate.common.CarriedSignature;
import java.util.Optional;

/**
 * Thinking signatures of Anthropic-compatible endpoints, tagged with the target that made them.
 * DeepSeek's, Kimi's or GLM's Anthropic endpoints sign thinking in Anthropic's format, and
 * ccbridge cannot tell their signatures from Anthropic's own; sent to another endpoint after a
 * switch they are refused ("Invalid signature in thinking block"). So a relayed answer's
 * signatures are wrapped ({@link CarriedSignature}, mode {@code anthropic_messages}) and
 * unwrapped only for the target that made them: to every other target they are foreign.
 */
public final class GatewaySignatures {
    public static final String MODE = "anthropic_messages";
    private static final String SIGNATURE = "signature";

    private GatewaySignatures() {}

    public static CarriedSignature.Origin origin(ResolvedModel model) {
        return CarriedSignature.Origin.of(MODE, model);
    }

    /** A relayed event's data with its signature tagged, or empty when it carries none. */
    public static Optional<ObjectNode> tagEvent(JsonNode data, CarriedSignature.Origin origin) {
        if (!(data instanceof ObjectNode event)) {
            return Optional.empty();
        }
        String type = event.path("type").asText();
        if ("content_block_delta".equals(type) && "signature_delta".equals(event.path("delta").path("type").asText())) {
            return tagged(event, "delta", origin);
        }
        if ("content_block_start".equals(type) && "thinking".equals(event.path("content_block").path("type").asText())) {
            return tagged(event, "content_block", origin);
        }
        return Optional.empty();
    }

    /** A whole (non-streamed) message with the signatures of its thinking blocks tagged, or empty if it has none. */
    public static Optional<ObjectNode> tagMessage(JsonNode message, CarriedSignature.Origin origin) {
        if (!(message instanceof ObjectNode object) || !object.path("content").isArray()) {
            return Optional.empty();
        }
        ObjectNode copy = object.deepCopy();
        boolean changed = false;
        for (JsonNode block : copy.path("content")) {
            if ("thinking".equals(block.path("type").asText()) && block instanceof ObjectNode thinking) {
                changed |= tagField(thinking, origin);
            }
        }
        return changed ? Optional.of(copy) : Optional.empty();
    }

    /** The endpoint's own signature, if {@code signature} is one this target tagged. */
    static Optional<String> untag(String signature, CarriedSignature.Origin here) {
        return CarriedSignature.payloadFrom(signature, here)
                .map(payload -> payload.path(SIGNATURE))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    private static Optional<ObjectNode> tagged(ObjectNode event, String field, CarriedSignature.Origin origin) {
        ObjectNode copy = event.deepCopy();
        return copy.path(field) instanceof ObjectNode inner && tagField(inner, origin) ? Optional.of(copy)
                : Optional.empty();
    }

    private static boolean tagField(ObjectNode holder, CarriedSignature.Origin origin) {
        JsonNode signature = holder.get(SIGNATURE);
        if (signature == null || !signature.isTextual() || signature.asText().isEmpty()
                || CarriedSignature.isCarried(signature.asText())) {
            return false;
        }
        ObjectNode payload = Json.object().put(SIGNATURE, signature.asText());
        holder.set(SIGNATURE, TextNode.valueOf(CarriedSignature.encode(origin, payload)));
        return true;
    }
}
