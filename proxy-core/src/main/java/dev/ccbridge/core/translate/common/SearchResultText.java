package dev.ccbridge.core.translate.common;

import dev.ccbridge.core.protocol.anthropic.WebSearchResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Web search results as a model reads them: the answer to its search call, and past searches in
 * a history going to an upstream that has no search blocks. A page's excerpt travels in the
 * result's {@code encrypted_content} ({@link #carry}), so a later turn can show it again.
 */
public final class SearchResultText {
    private static final String CARRIED = "ccbws1.";

    private SearchResultText() {}

    /** The {@code encrypted_content} ccbridge writes for a page it found: its excerpt, readable again on a later turn. */
    public static String carry(String snippet) {
        return CARRIED + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((snippet == null ? "" : snippet).getBytes(StandardCharsets.UTF_8));
    }

    /** The excerpt in an {@code encrypted_content} ccbridge wrote; empty for Anthropic's own (opaque) ones. */
    static Optional<String> excerpt(String encryptedContent) {
        if (encryptedContent == null || !encryptedContent.startsWith(CARRIED)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(encryptedContent.substring(CARRIED.length())),
                    StandardCharsets.UTF_8)).filter(text -> !text.isBlank());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The pages a search found, numbered, each with its address and excerpt. */
    public static String results(String query, List<WebSearchResult> results) {
        if (results.isEmpty()) {
            return "Web search for " + quoted(query) + " found no pages.";
        }
        var out = new StringBuilder("Web search results for ").append(quoted(query)).append(':');
        int number = 1;
        for (WebSearchResult result : results) {
            out.append("\n\n").append(number++).append(". ").append(result.title() == null ? result.url() : result.title())
                    .append("\n   ").append(result.url());
            if (result.pageAge() != null && !result.pageAge().isBlank()) {
                out.append(" (").append(result.pageAge()).append(')');
            }
            excerpt(result.encryptedContent()).ifPresent(text -> out.append("\n   ").append(text.replace("\n", "\n   ")));
        }
        return out.toString();
    }

    /** A search that gave no results: the error code, and why where it is known. */
    public static String error(String query, String errorCode, String reason) {
        return "Web search for " + quoted(query) + " failed (" + errorCode + ")"
                + (reason == null || reason.isBlank() ? "." : ": " + reason);
    }

    private static String quoted(String query) {
        return "\"" + (query == null ? "" : query) + "\"";
    }
}
