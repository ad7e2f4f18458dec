package dev.ccbridge.core.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.Delta;
import dev.ccbridge.core.protocol.anthropic.ServerToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;

/**
 * One content block while its deltas arrive, as a client folds it: text, thinking and its
 * signature, a (server) tool call's JSON input, a text block's citations. A delta the block
 * cannot take is rejected, as a client would reject it.
 */
final class BlockBuilder {
    private final ContentBlock opening;
    private final StringBuilder text = new StringBuilder();
    private String signature;
    private ArrayNode citations;

    BlockBuilder(ContentBlock opening) {
        this.opening = opening;
    }

    /** @throws IllegalStateException for a delta of the wrong kind for this block */
    void apply(Delta delta) {
        switch (delta) {
            case Delta.Text t -> {
                require(opening instanceof TextBlock, "text_delta");
                text.append(t.text());
            }
            case Delta.Thinking t -> {
                require(opening instanceof ThinkingBlock, "thinking_delta");
                text.append(t.thinking());
            }
            case Delta.Signature s -> {
                require(opening instanceof ThinkingBlock, "signature_delta");
                signature = signature == null ? s.signature() : signature + s.signature();
            }
            case Delta.InputJson j -> {
                require(opening instanceof ToolUseBlock || opening instanceof ServerToolUseBlock, "input_json_delta");
                text.append(j.partialJson());
            }
            case Delta.Citations c -> {
                require(opening instanceof TextBlock, "citations_delta");
                if (citations == null) {
                    citations = Json.WIRE.createArrayNode();
                }
                citations.add(Json.WIRE.valueToTree(c.citation()));
            }
        }
    }

    /** The block as complete: its deltas applied. */
    ContentBlock build() {
        return switch (opening) {
            case TextBlock t -> new TextBlock(t.text() + text, t.cacheControl(),
                    citations != null ? citations : t.citations());
            case ThinkingBlock t -> new ThinkingBlock(t.thinking() + text, signature != null ? signature : t.signature());
            case ToolUseBlock t -> new ToolUseBlock(t.id(), t.name(), input(text.toString()));
            case ServerToolUseBlock s -> new ServerToolUseBlock(s.id(), s.name(), input(text.toString()));
            default -> opening;
        };
    }

    private void require(boolean fits, String delta) {
        if (!fits) {
            throw new IllegalStateException(delta + " inside a " + opening.getClass().getSimpleName());
        }
    }

    private static JsonNode input(String arguments) {
        if (arguments.isBlank()) {
            return Json.object();
        }
        JsonNode parsed = Json.parseOrNull(arguments);
        if (parsed == null || !parsed.isObject()) {
            throw new IllegalStateException("tool arguments are not a JSON object: " + arguments);
        }
        return parsed;
    }
}
