package dev.ccbridge.core.translate.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ccbridge.core.json.Json;
import java.util.Set;

/**
 * OpenRouter's {@code reasoning_details}, put together from a stream: fragments with the same
 * {@code index} extend one detail (their {@code text}, {@code summary} and {@code data} run on;
 * a later {@code signature}, {@code id} or {@code format} completes it), others are details of
 * their own, in order. OpenRouter wants the whole sequence back unchanged.
 */
final class ReasoningDetails {
    private static final Set<String> RUNNING_TEXT = Set.of("text", "summary", "data");

    private final ArrayNode details = Json.WIRE.createArrayNode();

    /** Adds the {@code reasoning_details} of one delta (or of a whole message). */
    void add(JsonNode fragments) {
        if (fragments == null || !fragments.isArray()) {
            return;
        }
        for (JsonNode fragment : fragments) {
            if (fragment instanceof ObjectNode object) {
                ObjectNode same = sameDetail(object);
                if (same == null) {
                    details.add(object.deepCopy());
                } else {
                    extend(same, object);
                }
            }
        }
    }

    /** The readable part of fragments, for a stream that sends details but no reasoning text. */
    static String readableText(JsonNode fragments) {
        var out = new StringBuilder();
        if (fragments != null && fragments.isArray()) {
            for (JsonNode fragment : fragments) {
                JsonNode text = fragment.has("text") ? fragment.get("text") : fragment.get("summary");
                if (text != null && text.isTextual()) {
                    out.append(text.asText());
                }
            }
        }
        return out.toString();
    }

    boolean isEmpty() {
        return details.isEmpty();
    }

    ArrayNode toJson() {
        return details.deepCopy();
    }

    void clear() {
        details.removeAll();
    }

    private ObjectNode sameDetail(ObjectNode fragment) {
        JsonNode index = fragment.get("index");
        if (index == null || !index.canConvertToInt()) {
            return null;
        }
        for (JsonNode detail : details) {
            if (detail.path("index").canConvertToInt() && detail.path("index").asInt() == index.asInt()
                    && detail.path("type").asText("").equals(fragment.path("type").asText(""))) {
                return (ObjectNode) detail;
            }
        }
        return null;
    }

    private static void extend(ObjectNode detail, ObjectNode fragment) {
        fragment.properties().forEach(field -> {
            JsonNode value = field.getValue();
            JsonNode before = detail.get(field.getKey());
            if (RUNNING_TEXT.contains(field.getKey()) && value.isTextual() && before != null && before.isTextual()) {
                detail.set(field.getKey(), TextNode.valueOf(before.asText() + value.asText()));
            } else if (!value.isNull() && !(value.isTextual() && value.asText().isEmpty())) {
                detail.set(field.getKey(), value);
            }
        });
    }
}
