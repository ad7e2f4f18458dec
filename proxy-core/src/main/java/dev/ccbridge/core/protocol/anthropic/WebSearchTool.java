package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Anthropic's web search server tool as a request offers it:
 * {@code {type:"web_search_20250305", name:"web_search", max_uses, allowed_domains, blocked_domains,
 * user_location}}. Claude Code's WebSearch tool sends it (with {@code max_uses:8}) in a request
 * of its own.
 *
 * @param maxUses        how many searches one answer may make, or null for no limit given
 * @param allowedDomains only pages of these domains (and their subdomains); empty: any
 * @param blockedDomains never pages of these domains; empty: none
 * @param userLocation   {@code {type:"approximate", city, region, country, timezone}}, or null
 */
public record WebSearchTool(String type, String name, Integer maxUses, List<String> allowedDomains,
                            List<String> blockedDomains, JsonNode userLocation) {
    private static final String TYPE_PREFIX = "web_search_";

    /** The tool as Claude Code offers it, with no filters (to ask who would search for a target). */
    public static final WebSearchTool CLAUDE_CODE = new WebSearchTool("web_search_20250305", "web_search", 8,
            List.of(), List.of(), null);

    public WebSearchTool {
        allowedDomains = allowedDomains == null ? List.of() : List.copyOf(allowedDomains);
        blockedDomains = blockedDomains == null ? List.of() : List.copyOf(blockedDomains);
    }

    /** Whether {@code tool} is the web search server tool (any version of it). */
    public static boolean is(Tool tool) {
        return tool != null && tool.type() != null && tool.type().startsWith(TYPE_PREFIX);
    }

    /** The web search tool among {@code tools}, if one is offered. */
    public static Optional<WebSearchTool> in(List<Tool> tools) {
        return tools == null ? Optional.empty() : tools.stream().filter(WebSearchTool::is).findFirst()
                .map(WebSearchTool::of);
    }

    static WebSearchTool of(Tool tool) {
        JsonNode maxUses = tool.extra().get("max_uses");
        return new WebSearchTool(tool.type(), tool.name() == null ? "web_search" : tool.name(),
                maxUses != null && maxUses.canConvertToInt() && maxUses.asInt() > 0 ? maxUses.asInt() : null,
                strings(tool.extra().get("allowed_domains")), strings(tool.extra().get("blocked_domains")),
                tool.extra().get("user_location"));
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(entry -> {
                if (entry.isTextual() && !entry.asText().isBlank()) {
                    out.add(entry.asText().strip());
                }
            });
        }
        return out;
    }
}
