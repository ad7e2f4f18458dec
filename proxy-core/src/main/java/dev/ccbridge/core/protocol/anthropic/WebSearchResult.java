package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One page a web search found, as a {@code web_search_tool_result} lists it.
 *
 * @param encryptedContent opaque page content a client hands back unchanged
 * @param pageAge          how old the page is, in the search engine's words, or null
 */
@JsonPropertyOrder({"type", "title", "url", "encrypted_content", "page_age"})
public record WebSearchResult(String type, String title, String url, String encryptedContent, String pageAge) {
    public static final String TYPE = "web_search_result";

    public static WebSearchResult of(String title, String url, String encryptedContent, String pageAge) {
        return new WebSearchResult(TYPE, title, url, encryptedContent, pageAge);
    }
}
