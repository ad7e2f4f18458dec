package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ccbridge.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a web search call: the pages found, or an error ({@code content} is then
 * {@code {type:"web_search_tool_result_error", error_code}}). Sent whole in its
 * {@code content_block_start}, without deltas.
 */
@JsonPropertyOrder({"type", "tool_use_id", "content"})
public record WebSearchToolResultBlock(String toolUseId, JsonNode content) implements ContentBlock {
    public static final String ERROR_TYPE = "web_search_tool_result_error";

    public static WebSearchToolResultBlock of(String toolUseId, List<WebSearchResult> results) {
        ArrayNode list = Json.WIRE.createArrayNode();
        results.forEach(result -> list.add(Json.WIRE.valueToTree(result)));
        return new WebSearchToolResultBlock(toolUseId, list);
    }

    public static WebSearchToolResultBlock error(String toolUseId, String errorCode) {
        return new WebSearchToolResultBlock(toolUseId, Json.object().put("type", ERROR_TYPE).put("error_code", errorCode));
    }

    /** The error code, when the search failed. */
    public Optional<String> errorCode() {
        return content != null && content.isObject() && ERROR_TYPE.equals(content.path("type").asText())
                ? Optional.of(content.path("error_code").asText("unavailable")) : Optional.empty();
    }

    /** The pages found (none for an error, or entries that do not read as results). */
    public List<WebSearchResult> results() {
        List<WebSearchResult> results = new ArrayList<>();
        if (content != null && content.isArray()) {
            for (JsonNode entry : content) {
                try {
                    results.add(Json.WIRE.treeToValue(entry, WebSearchResult.class));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    // an entry of another kind: nothing a search result could say
                }
            }
        }
        return results;
    }
}
