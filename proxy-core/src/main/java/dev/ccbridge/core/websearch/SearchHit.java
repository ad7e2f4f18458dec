package dev.ccbridge.core.websearch;

/**
 * One page a backend found.
 *
 * @param snippet what the page says about the query (the backend's excerpt), or empty
 * @param pageAge the page's date or age as the backend gives it, or null
 */
public record SearchHit(String title, String url, String snippet, String pageAge) {
    public SearchHit {
        title = title == null || title.isBlank() ? url : title.strip();
        snippet = snippet == null ? "" : snippet.strip();
    }
}
