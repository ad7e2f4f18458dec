package dev.ccbridge.core.translate.common;

import dev.ccbridge.core.protocol.anthropic.Message;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The system prompt as one text: {@code system}, then the {@code system} messages Claude Code puts
 * inside the history (its environment block), for upstreams that take one leading instruction.
 */
public final class SystemPrompt {
    private SystemPrompt() {}

    public static String text(MessagesRequest request) {
        List<String> parts = new ArrayList<>();
        add(parts, ContentText.joinText(request.systemOrEmpty()));
        for (Message message : request.messagesOrEmpty()) {
            if (message.isSystem()) {
                add(parts, ContentText.joinText(message.contentOrEmpty()));
            }
        }
        return String.join("\n\n", parts);
    }

    private static void add(List<String> parts, String text) {
        if (!text.isBlank()) {
            parts.add(text);
        }
    }
}
