package dev.ccbridge.core.websearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.target.Timeouts;
import dev.ccbridge.core.upstream.http.HttpCall;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brave Search: {@code GET /web/search?q=&count=} with the key in {@code X-Subscription-Token};
 * pages in {@code web.results[]} ({@code title}, {@code url}, {@code description}, {@code age}).
 * It has no domain parameters: allowed domains go into the query as {@code site:} terms, and the
 * hits are filtered after.
 */
final class BraveApi implements SearchApi {
    /** Brave's most results per request. */
    private static final int MAX_COUNT = 20;

    @Override
    public HttpCall call(SearchQuery query, String endpoint, Optional<String> key, Timeouts timeouts) {
        String q = query.text() + sites(query.allowedDomains());
        String path = "/web/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + "&count=" + Math.min(MAX_COUNT, query.maxResults());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        key.ifPresent(k -> headers.put("X-Subscription-Token", k));
        return new HttpCall("GET", SearchApi.uri(endpoint, path), headers, null, timeouts);
    }

    @Override
    public List<SearchHit> hits(JsonNode answer) {
        return SearchApi.hits(answer.path("web").path("results"), "description", "age");
    }

    private static String sites(List<String> domains) {
        if (domains.isEmpty()) {
            return "";
        }
        var out = new StringBuilder(" (");
        for (int i = 0; i < domains.size(); i++) {
            out.append(i == 0 ? "" : " OR ").append("site:").append(domains.get(i));
        }
        return out.append(')').toString();
    }
}
