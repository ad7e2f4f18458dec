package dev.ccbridge.core.server;

import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.DocumentBlock;
import dev.ccbridge.core.protocol.anthropic.ImageBlock;
import dev.ccbridge.core.protocol.anthropic.Message;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.Tool;
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import java.util.List;

/**
 * The fields Anthropic's API requires of a messages request, checked once at the door, so that
 * translators can rely on them and a client gets the 400 Anthropic would give ("messages.1.content.0.id:
 * Field required") instead of whatever a missing field would cause further on.
 */
final class RequestShape {
    private RequestShape() {}

    static void check(MessagesRequest request) throws Rejection {
        blocks(request.system(), "system");
        List<Message> messages = request.messagesOrEmpty();
        for (int i = 0; i < messages.size(); i++) {
            blocks(messages.get(i).content(), "messages." + i + ".content");
        }
        List<Tool> tools = request.tools();
        if (tools != null) {
            for (int i = 0; i < tools.size(); i++) {
                Tool tool = tools.get(i);
                String at = "tools." + i;
                require(tool != null, at, "expected an object");
                require(tool.name() != null && !tool.name().isBlank(), at + ".name", "Field required");
                if (tool.isCustom()) {
                    require(tool.inputSchema() != null && tool.inputSchema().isObject(), at + ".input_schema",
                            "expected an object");
                }
            }
        }
        List<String> stops = request.stopSequences();
        if (stops != null) {
            for (int i = 0; i < stops.size(); i++) {
                require(stops.get(i) != null, "stop_sequences." + i, "expected a string");
            }
        }
        if (request.toolChoice() != null) {
            require(request.toolChoice().type() != null, "tool_choice.type", "Field required");
        }
    }

    private static void blocks(List<ContentBlock> blocks, String at) throws Rejection {
        if (blocks == null) {
            return;
        }
        for (int i = 0; i < blocks.size(); i++) {
            block(blocks.get(i), at + "." + i);
        }
    }

    private static void block(ContentBlock block, String at) throws Rejection {
        require(block != null, at, "expected an object");
        switch (block) {
            case TextBlock t -> require(t.text() != null, at + ".text", "Field required");
            case ToolUseBlock u -> {
                require(u.id() != null && !u.id().isBlank(), at + ".id", "Field required");
                require(u.name() != null && !u.name().isBlank(), at + ".name", "Field required");
                require(u.input() == null || u.input().isObject(), at + ".input", "expected an object");
            }
            case ToolResultBlock r -> {
                require(r.toolUseId() != null && !r.toolUseId().isBlank(), at + ".tool_use_id", "Field required");
                blocks(r.content(), at + ".content");
            }
            case ImageBlock image -> require(image.source() != null, at + ".source", "Field required");
            case DocumentBlock document -> require(document.source() != null, at + ".source", "Field required");
            case ThinkingBlock t -> require(t.thinking() != null, at + ".thinking", "Field required");
            default -> { }
        }
    }

    private static void require(boolean holds, String at, String problem) throws Rejection {
        if (!holds) {
            throw Rejection.invalidBody(at + ": " + problem);
        }
    }
}
