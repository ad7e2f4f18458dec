package dev.ccbridge.core.protocol.openai.responses;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A {@code POST /responses} body. ccbridge never lets the provider keep state ({@code store:false}):
 * the whole conversation goes in {@code input} every turn, reasoning included as encrypted items.
 *
 * @param toolChoice {@code "auto"}, {@code "none"}, {@code "required"} or {@code {type:"function", name}}
 * @param maxToolCalls the most hosted tool calls (web searches) one answer may make, or null
 * @param include    {@code ["reasoning.encrypted_content"]} when the model reasons, so that its
 *                   reasoning can be sent back on the next turn; {@code web_search_call.action.sources}
 *                   with web search, for the pages each search found
 */
@JsonPropertyOrder({"model", "instructions", "input", "tools", "tool_choice", "parallel_tool_calls",
        "max_tool_calls", "max_output_tokens", "temperature", "top_p", "reasoning", "include", "store", "stream",
        "prompt_cache_key"})
public record ResponsesRequest(String model, String instructions, List<InputItem> input, List<ResponsesTool> tools,
                               JsonNode toolChoice, Boolean parallelToolCalls, Integer maxToolCalls,
                               Integer maxOutputTokens,
                               Double temperature, Double topP, Reasoning reasoning, List<String> include,
                               Boolean store, Boolean stream, String promptCacheKey) {

    public static final String ENCRYPTED_REASONING = "reasoning.encrypted_content";
    public static final String WEB_SEARCH_SOURCES = "web_search_call.action.sources";

    /**
     * The same request asking for no reasoning: no {@code reasoning}, no encrypted-content
     * {@code include}, no reasoning items, for a model that refuses them.
     */
    public ResponsesRequest withoutReasoning() {
        List<InputItem> plain = input.stream().filter(item -> !(item instanceof InputItem.Reasoning)).toList();
        return new ResponsesRequest(model, instructions, plain, tools, toolChoice, parallelToolCalls, maxToolCalls,
                maxOutputTokens, temperature, topP, null, null, store, stream, promptCacheKey);
    }

    /** @param effort {@code low|medium|high}, or null for the model's default */
    public record Reasoning(String effort, String summary) {}
}
