package dev.ccbridge.core.protocol.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import java.util.List;

/**
 * A tool: a flat function {@code {type:"function", name, description, parameters, strict:false}}
 * (not strict: Claude Code's schemas have optional properties that strict mode would reject), or
 * the hosted {@code {type:"web_search", filters:{allowed_domains}, user_location}}.
 */
public record ResponsesTool(String type, String name, String description, JsonNode parameters, Boolean strict,
                            JsonNode filters, JsonNode userLocation) {
    public static ResponsesTool function(String name, String description, JsonNode parameters) {
        return new ResponsesTool("function", name, description, parameters, false, null, null);
    }

    /** OpenAI's own web search, limited to {@code allowedDomains} (and their subdomains) when there are any. */
    public static ResponsesTool webSearch(List<String> allowedDomains, JsonNode userLocation) {
        ObjectNode filters = null;
        if (!allowedDomains.isEmpty()) {
            filters = Json.object();
            allowedDomains.forEach(filters.putArray("allowed_domains")::add);
        }
        return new ResponsesTool("web_search", null, null, null, null, filters, userLocation);
    }
}
