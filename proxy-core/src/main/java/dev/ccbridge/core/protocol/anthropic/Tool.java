package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tool offered to the model. Custom tools have no type (or {@code custom}); Anthropic server tools
 * carry dated types such as {@code web_search_20250305}. Unmodelled fields are kept in {@code extra}.
 */
public record Tool(String type, String name, String description, JsonNode inputSchema,
                   JsonNode cacheControl,
                   @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Tool {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    public boolean isCustom() {
        return type == null || type.isEmpty() || "custom".equals(type);
    }
}
