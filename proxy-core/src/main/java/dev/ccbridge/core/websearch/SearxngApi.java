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
 * A self-hosted SearXNG: {@code GET /search?q=&format=json} (the instance must list {@code json}
 * among its {@code search.formats}); pages in {@code results[]} ({@code title}, {@code url},
 * {@code content}, {@code publishedDate}). Allowed domains go into the query as {@code site:}
 * terms (engines that know them narrow the search), and the hits are filtered after. A key, if
 * given, is sent as a bearer token for an instance behind a proxy that wants one.
 */
final class SearxngApi implements SearchApi {
    @Override
    public HttpCall call(SearchQuery query, String endpoint, Optional<String> key, Timeouts timeouts) {
        String q = query.text() + (query.allowedDomains().size() == 1 ? " site:" + query.allowedDomains().getFirst() : "");
        String path = "/search?format=json&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        key.ifPresent(k -> headers.put("Authorization", "Bearer " + k));
        return new HttpCall("GET", SearchApi.uri(endpoint, path), headers, null, timeouts);
    }

    @Override
    public List<SearchHit> hits(JsonNode answer) {
        return SearchApi.hits(answer.path("results"), "content", "publishedDate");
    }
}
