package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code POST /v1/messages} (or count_tokens) body. Fields Anthropic defines but ccbridge does
 * not model ({@code context_management}, {@code service_tier}, {@code container}, ...) stay in
 * {@code extra}, so nothing the client sent is lost.
 */
public record MessagesRequest(
        String model,
        Integer maxTokens,
        @JsonDeserialize(using = ContentListDeserializer.class) List<ContentBlock> system,
        List<Message> messages,
        List<Tool> tools,
        ToolChoice toolChoice,
        List<String> stopSequences,
        Double temperature,
        Double topP,
        Integer topK,
        Thinking thinking,
        OutputConfig outputConfig,
        Boolean stream,
        JsonNode metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public MessagesRequest {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    public boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    public List<Message> messagesOrEmpty() {
        return messages == null ? List.of() : messages;
    }

    public List<ContentBlock> systemOrEmpty() {
        return system == null ? List.of() : system;
    }

    public List<Tool> toolsOrEmpty() {
        return tools == null ? List.of() : tools;
    }

    public boolean thinkingOn() {
        return thinking != null && thinking.isOn();
    }

    public String effort() {
        return outputConfig == null ? null : outputConfig.effort();
    }

    /** This request with other messages, tools and tool choice; everything else as sent. */
    public MessagesRequest withConversation(List<Message> newMessages, List<Tool> newTools, ToolChoice newChoice) {
        return new MessagesRequest(model, maxTokens, system, newMessages, newTools, newChoice, stopSequences,
                temperature, topP, topK, thinking, outputConfig, stream, metadata, extra);
    }
}
