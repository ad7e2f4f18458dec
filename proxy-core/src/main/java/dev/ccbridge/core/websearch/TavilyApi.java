package dev.ccbridge.core.websearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.Timeouts;
import dev.ccbridge.core.upstream.http.HttpCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tavily: {@code POST /search} with a bearer key and {@code {query, max_results, include_domains,
 * exclude_domains}}; pages in {@code results[]} ({@code title}, {@code url}, {@code content},
 * {@code published_date}).
 */
final class TavilyApi implements SearchApi {
    @Override
    public HttpCall call(SearchQuery query, String endpoint, Optional<String> key, Timeouts timeouts) {
        ObjectNode body = Json.object().put("query", query.text()).put("max_results", query.maxResults());
        SearchApi.domains(body, "include_domains", query.allowedDomains());
        SearchApi.domains(body, "exclude_domains", query.blockedDomains());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        key.ifPresent(k -> headers.put("Authorization", "Bearer " + k));
        return HttpCall.postJson(SearchApi.uri(endpoint, "/search"), headers, Json.bytes(body), timeouts);
    }

    @Override
    public List<SearchHit> hits(JsonNode answer) {
        return SearchApi.hits(answer.path("results"), "content", "published_date");
    }
}
