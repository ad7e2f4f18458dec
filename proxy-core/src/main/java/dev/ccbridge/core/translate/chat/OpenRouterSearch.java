package dev.ccbridge.core.translate.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.WebSearchTool;
import dev.ccbridge.core.protocol.openai.chat.ChatTool;

/**
 * OpenRouter's own web search, in place of Anthropic's: the {@code openrouter:web_search} server
 * tool (its successor to the deprecated {@code web} plugin), which lets any model it serves search
 * as often as it needs, with the domain filters passed on. Its answer names the pages found as
 * {@code url_citation} annotations.
 */
public final class OpenRouterSearch {
    static final String TOOL_TYPE = "openrouter:web_search";

    private OpenRouterSearch() {}

    public static ChatTool tool(WebSearchTool search) {
        ObjectNode parameters = Json.object();
        // OpenRouter takes one list or the other, as Anthropic does.
        if (!search.allowedDomains().isEmpty()) {
            search.allowedDomains().forEach(parameters.putArray("allowed_domains")::add);
        } else if (!search.blockedDomains().isEmpty()) {
            search.blockedDomains().forEach(parameters.putArray("excluded_domains")::add);
        }
        if (search.userLocation() != null && search.userLocation().isObject()) {
            parameters.set("user_location", search.userLocation());
        }
        return ChatTool.serverTool(TOOL_TYPE, parameters.isEmpty() ? null : parameters);
    }
}
