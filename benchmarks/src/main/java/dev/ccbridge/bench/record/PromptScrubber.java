package dev.ccbridge.bench.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ccbridge.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes a recorded body fit to ship inside ccbridge (its start-up warm-up sends it): Claude Code's
 * own long texts (system prompt, tool descriptions, reminders) become neutral text of the same
 * length, so the body keeps its shape (sizes, nesting, key order, the mix of ASCII and other
 * characters) without carrying Claude Code's prompts. Tool results (this repository's files),
 * tool inputs and image data stay as recorded.
 */
final class PromptScrubber {
    /** Strings at least this long are prose worth replacing; shorter ones are names and ids. */
    private static final int PROSE = 64;
    private static final String FILLER = "ccbridge translates every request and answer between Claude Code and "
            + "the provider you pick; this text stands in for a recorded prompt — über größe, 日本語. ";

    private PromptScrubber() {}

    static byte[] scrub(byte[] body) throws IOException {
        JsonNode root = Json.WIRE.readTree(body);
        replace(root);
        return Json.bytes(root);
    }

    private static void replace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("type").asText().equals("tool_result") || object.path("type").asText().equals("tool_use")) {
                return; // this repository's files and the inputs that read them
            }
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> field : fields) {
                JsonNode value = field.getValue();
                if (value.isTextual() && !field.getKey().equals("data") && value.asText().length() >= PROSE) {
                    object.set(field.getKey(), TextNode.valueOf(filler(value.asText().length())));
                } else {
                    replace(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(PromptScrubber::replace);
        }
    }

    private static String filler(int length) {
        var text = new StringBuilder(length + FILLER.length());
        while (text.length() < length) {
            text.append(FILLER);
        }
        return text.substring(0, length);
    }
}
