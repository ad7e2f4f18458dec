package dev.ccbridge.core.translate.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.json.JsonSplice;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.Message;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.RedactedThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's history with every {@code thinking} and {@code redacted_thinking} block taken out
 * (an assistant turn left empty by that goes too), in both forms the upstreams read: the parsed
 * request and the client's bytes (every other byte kept). What is sent again when an upstream
 * refused a thinking signature it could not verify. Pure.
 */
public final class WithoutThinking {
    private static final Set<String> THINKING = Set.of("thinking", "redacted_thinking");

    private WithoutThinking() {}

    /** Whether the history holds any thinking block. */
    public static boolean hasThinking(MessagesRequest request) {
        return request.messagesOrEmpty().stream().flatMap(m -> m.contentOrEmpty().stream())
                .anyMatch(WithoutThinking::isThinking);
    }

    public static MessagesRequest of(MessagesRequest request) {
        List<Message> kept = new ArrayList<>();
        for (Message message : request.messagesOrEmpty()) {
            if (message.content() == null || message.content().stream().noneMatch(WithoutThinking::isThinking)) {
                kept.add(message);
                continue;
            }
            List<ContentBlock> content = message.content().stream().filter(b -> !isThinking(b)).toList();
            if (!content.isEmpty() || !message.isAssistant()) {
                kept.add(new Message(message.role(), content));
            }
        }
        return new MessagesRequest(request.model(), request.maxTokens(), request.system(), kept, request.tools(),
                request.toolChoice(), request.stopSequences(), request.temperature(), request.topP(),
                request.topK(), request.thinking(), request.outputConfig(), request.stream(), request.metadata(),
                request.extra());
    }

    /** The client's body with the same blocks taken out; unchanged if it holds none or cannot be read. */
    public static byte[] of(byte[] raw) {
        JsonNode root;
        try {
            root = Json.WIRE.readTree(raw);
        } catch (IOException e) {
            return raw;
        }
        if (root == null || !root.path("messages").isArray()) {
            return raw;
        }
        ArrayNode messages = Json.WIRE.createArrayNode();
        for (JsonNode message : root.path("messages")) {
            JsonNode content = message.get("content");
            if (!(message instanceof ObjectNode object) || content == null || !content.isArray()) {
                messages.add(message);
                continue;
            }
            ArrayNode kept = Json.WIRE.createArrayNode();
            content.forEach(block -> {
                if (!THINKING.contains(block.path("type").asText())) {
                    kept.add(block);
                }
            });
            if (!kept.isEmpty() || !"assistant".equals(message.path("role").asText())) {
                messages.add(object.deepCopy().set("content", kept));
            }
        }
        return JsonSplice.apply(raw, Map.of("messages", messages), Set.of()).orElseGet(() -> {
            ObjectNode copy = root.deepCopy();
            copy.set("messages", messages);
            return Json.write(copy).getBytes(StandardCharsets.UTF_8);
        });
    }

    private static boolean isThinking(ContentBlock block) {
        return block instanceof ThinkingBlock || block instanceof RedactedThinkingBlock;
    }
}
