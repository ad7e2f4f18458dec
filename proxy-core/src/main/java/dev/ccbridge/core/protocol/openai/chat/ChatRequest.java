package dev.ccbridge.core.protocol.openai.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code POST /chat/completions} body.
 *
 * @param toolChoice {@code "auto"}, {@code "none"}, {@code "required"} or {@code {type:function,function:{name}}}
 * @param extra      provider-specific knobs chosen by model capabilities ({@code reasoning},
 *                   {@code enable_thinking}, {@code thinking}), written as top-level fields
 */
@JsonPropertyOrder({"model", "messages", "tools", "tool_choice", "parallel_tool_calls", "max_tokens",
        "max_completion_tokens", "stop", "temperature", "top_p", "reasoning_effort", "stream", "stream_options"})
public record ChatRequest(String model, List<ChatMessage> messages, List<ChatTool> tools, JsonNode toolChoice,
                          Boolean parallelToolCalls, Integer maxTokens, Integer maxCompletionTokens,
                          List<String> stop, Double temperature, Double topP, String reasoningEffort,
                          Boolean stream, StreamOptions streamOptions,
                          @JsonAnyGetter Map<String, JsonNode> extra) {

    public record StreamOptions(boolean includeUsage) {}

    /** This request with one more tool (a provider's server tool). */
    public ChatRequest withTool(ChatTool tool) {
        List<ChatTool> all = new ArrayList<>(tools == null ? List.of() : tools);
        all.add(tool);
        return new ChatRequest(model, messages, all, toolChoice, parallelToolCalls, maxTokens, maxCompletionTokens,
                stop, temperature, topP, reasoningEffort, stream, streamOptions, extra);
    }
}
