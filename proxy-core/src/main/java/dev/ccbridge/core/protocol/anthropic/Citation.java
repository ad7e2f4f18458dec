package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a piece of text comes from: a page a web search found
 * ({@code type:"web_search_result_location"}), carried by a {@code citations_delta}.
 *
 * @param encryptedIndex opaque reference into the search result, handed back unchanged
 * @param citedText      the words of the page the text relies on
 */
@JsonPropertyOrder({"type", "url", "title", "encrypted_index", "cited_text"})
public record Citation(String type, String url, String title, String encryptedIndex, String citedText) {
    public static final String WEB_SEARCH_RESULT = "web_search_result_location";

    public static Citation webSearchResult(String url, String title, String citedText) {
        return new Citation(WEB_SEARCH_RESULT, url, title, "", citedText == null ? "" : citedText);
    }
}
