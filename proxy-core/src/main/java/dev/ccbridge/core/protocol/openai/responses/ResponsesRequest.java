package dev.ccbridge.core.protocol.openai.responses;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A {@code POST /responses} body. ccbridge never lets the provider keep state ({@code store:false}):
 * the whole conversation goes in {@code input} every turn, reasoning included as encrypted items.
 *
 * @param toolChoice {@code "auto"}, {@code "none"}, {@code "required"} or {@code {type:"function", name}}
 * @param include    {@code ["reasoning.encrypted_content"]} when the model reasons, so that its
 *                   reasoning can be sent back on the next turn
 */
@JsonPropertyOrder({"model", "instructions", "input", "tools", "tool_choice", "parallel_tool_calls",
        "max_output_tokens", "temperature", "top_p", "reasoning", "include", "store", "stream", "prompt_cache_key"})
public record ResponsesRequest(String model, String instructions, List<InputItem> input, List<ResponsesTool> tools,
                               JsonNode toolChoice, Boolean parallelToolCalls, Integer maxOutputTokens,
                               Double temperature, Double topP, Reasoning reasoning, List<String> include,
                               Boolean store, Boolean stream, String promptCacheKey) {

    public static final String ENCRYPTED_REASONING = "reasoning.encrypted_content";

    /**
     * The same request asking for no reasoning: no {@code reasoning}, no encrypted-content
     * {@code include}, no reasoning items, for a model that refuses them.
     */
    public ResponsesRequest withoutReasoning() {
        List<InputItem> plain = input.stream().filter(item -> !(item instanceof InputItem.Reasoning)).toList();
        return new ResponsesRequest(model, instructions, plain, tools, toolChoice, parallelToolCalls, maxOutputTokens,
                temperature, topP, null, null, store, stream, promptCacheKey);
    }

    /** @param effort {@code low|medium|high}, or null for the model's default */
    public record Reasoning(String effort, String summary) {}
}
