package dev.ccbridge.core.translate.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.translate.common.CarriedSignature;
import dev.ccbridge.core.translate.common.ToolIds;
import java.util.Optional;

/**
 * What an Anthropic upstream would reject in a history Claude Code replays, taken out block by
 * block on the raw JSON (unknown fields and blocks pass as they are):
 * <ul>
 *   <li>thinking blocks whose signature the target cannot verify: none, empty, or one ccbridge
 *       wrote to carry another upstream's reasoning ({@code ccb1.}); {@code redacted_thinking}
 *       and genuinely signed thinking stay, and a signature this same target made (relayed
 *       tagged, see {@link GatewaySignatures}) gets its original form back;</li>
 *   <li>an assistant turn left with no content by that;</li>
 *   <li>tool ids outside {@code [A-Za-z0-9_-]} (mapped the same way on tool_use and tool_result);</li>
 *   <li>{@code cache_control} marks, when the target does not take them.</li>
 * </ul>
 * Each method answers an edited copy only when something changed.
 */
final class HistoryCleanup {
    private static final String CACHE_CONTROL = "cache_control";

    private final boolean stripCacheControl;
    private final CarriedSignature.Origin here;

    /** @param here this target, whose own tagged signatures go back to it untagged */
    HistoryCleanup(boolean stripCacheControl, CarriedSignature.Origin here) {
        this.stripCacheControl = stripCacheControl;
        this.here = here;
    }

    Optional<JsonNode> messages(JsonNode messages) {
        if (messages == null || !messages.isArray()) {
            return Optional.empty();
        }
        ArrayNode out = Json.WIRE.createArrayNode();
        boolean changed = false;
        for (JsonNode message : messages) {
            JsonNode content = message.get("content");
            if (content == null || !content.isArray()) {
                out.add(message);
                continue;
            }
            ArrayNode blocks = Json.WIRE.createArrayNode();
            boolean edited = false;
            for (JsonNode block : content) {
                Optional<String> own = ownSignature(block);
                if (own.isPresent()) {
                    ObjectNode restored = shallowCopy((ObjectNode) block);
                    restored.set("signature", TextNode.valueOf(own.get()));
                    block = restored;
                    edited = true;
                } else if (isUnverifiableThinking(block)) {
                    edited = true;
                    continue;
                }
                JsonNode cleaned = block(block);
                edited |= cleaned != block;
                blocks.add(cleaned);
            }
            if (!edited) {
                out.add(message);
                continue;
            }
            changed = true;
            if (blocks.isEmpty() && "assistant".equals(message.path("role").asText())) {
                continue; // only unverifiable thinking was in it; an empty turn would be rejected
            }
            ObjectNode copy = shallowCopy((ObjectNode) message);
            copy.set("content", blocks);
            out.add(copy);
        }
        return changed ? Optional.of(out) : Optional.empty();
    }

    /** {@code system} or {@code tools} without {@code cache_control} on their elements, if the target refuses it. */
    Optional<JsonNode> stripCacheControl(JsonNode list) {
        if (!stripCacheControl || list == null || !list.isArray()) {
            return Optional.empty();
        }
        ArrayNode out = Json.WIRE.createArrayNode();
        boolean changed = false;
        for (JsonNode element : list) {
            JsonNode cleaned = withoutCacheControl(element);
            changed |= cleaned != element;
            out.add(cleaned);
        }
        return changed ? Optional.of(out) : Optional.empty();
    }

    /**
     * Whether the assistant turn that opened the current tool loop (the last one, when the last
     * message hands back tool results) does not start with a thinking block.
     */
    static boolean toolLoopLacksThinking(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return false;
        }
        JsonNode last = messages.get(messages.size() - 1);
        if (!"user".equals(last.path("role").asText()) || !hasToolResult(last.get("content"))) {
            return false;
        }
        for (int i = messages.size() - 2; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("assistant".equals(message.path("role").asText())) {
                JsonNode content = message.get("content");
                if (content == null || !content.isArray() || content.isEmpty()) {
                    return true;
                }
                String first = content.get(0).path("type").asText();
                return !"thinking".equals(first) && !"redacted_thinking".equals(first);
            }
        }
        return false;
    }

    /** The original signature of a thinking block this target wrote, relayed tagged. */
    private Optional<String> ownSignature(JsonNode block) {
        if (!"thinking".equals(block.path("type").asText()) || !(block instanceof ObjectNode)) {
            return Optional.empty();
        }
        return GatewaySignatures.untag(block.path("signature").asText(null), here);
    }

    static boolean isUnverifiableThinking(JsonNode block) {
        if (!"thinking".equals(block.path("type").asText())) {
            return false;
        }
        JsonNode signature = block.get("signature");
        return signature == null || !signature.isTextual() || signature.asText().isBlank()
                || CarriedSignature.isCarried(signature.asText());
    }

    private JsonNode block(JsonNode block) {
        if (!(block instanceof ObjectNode object)) {
            return block;
        }
        ObjectNode copy = null;
        if (stripCacheControl && object.has(CACHE_CONTROL)) {
            copy = shallowCopy(object);
            copy.remove(CACHE_CONTROL);
        }
        String type = object.path("type").asText();
        String idField = "tool_use".equals(type) ? "id" : "tool_result".equals(type) ? "tool_use_id" : null;
        if (idField != null) {
            String id = object.path(idField).asText("");
            String legal = id.isBlank() ? id : ToolIds.legal(id);
            if (!legal.equals(id)) {
                copy = copy == null ? shallowCopy(object) : copy;
                copy.set(idField, TextNode.valueOf(legal));
            }
        }
        if ("tool_result".equals(type)) {
            Optional<JsonNode> content = stripCacheControl(object.get("content"));
            if (content.isPresent()) {
                copy = copy == null ? shallowCopy(object) : copy;
                copy.set("content", content.get());
            }
        }
        return copy == null ? block : copy;
    }

    private static JsonNode withoutCacheControl(JsonNode element) {
        if (element instanceof ObjectNode object && object.has(CACHE_CONTROL)) {
            ObjectNode copy = shallowCopy(object);
            copy.remove(CACHE_CONTROL);
            return copy;
        }
        return element;
    }

    private static boolean hasToolResult(JsonNode content) {
        if (content == null || !content.isArray()) {
            return false;
        }
        for (JsonNode block : content) {
            if ("tool_result".equals(block.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode shallowCopy(ObjectNode node) {
        ObjectNode copy = Json.WIRE.createObjectNode();
        node.properties().forEach(field -> copy.set(field.getKey(), field.getValue()));
        return copy;
    }
}
