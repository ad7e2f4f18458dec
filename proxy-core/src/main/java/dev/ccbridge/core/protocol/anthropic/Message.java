package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * One turn of the conversation. Roles are {@code user} and {@code assistant}; Claude Code also puts
 * {@code system} messages inside {@code messages}, which translators fold into the system prompt.
 */
public record Message(String role,
                      @JsonDeserialize(using = ContentListDeserializer.class) List<ContentBlock> content) {
    public List<ContentBlock> contentOrEmpty() {
        return content == null ? List.of() : content;
    }

    public boolean isUser() {
        return "user".equals(role);
    }

    public boolean isAssistant() {
        return "assistant".equals(role);
    }

    public boolean isSystem() {
        return "system".equals(role) || "developer".equals(role);
    }
}
