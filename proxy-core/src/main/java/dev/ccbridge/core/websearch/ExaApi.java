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
 * Exa: {@code POST /search} with the key in {@code x-api-key} and {@code {query, numResults,
 * includeDomains, excludeDomains, contents:{text:{maxCharacters}}}}; pages in {@code results[]}
 * ({@code title}, {@code url}, {@code text}, {@code publishedDate}).
 */
final class ExaApi implements SearchApi {
    /** Enough of each page for the model to judge it; the whole page is WebFetch's job. */
    private static final int TEXT_CHARACTERS = 1000;

    @Override
    public HttpCall call(SearchQuery query, String endpoint, Optional<String> key, Timeouts timeouts) {
        ObjectNode body = Json.object().put("query", query.text()).put("numResults", query.maxResults());
        SearchApi.domains(body, "includeDomains", query.allowedDomains());
        SearchApi.domains(body, "excludeDomains", query.blockedDomains());
        body.putObject("contents").putObject("text").put("maxCharacters", TEXT_CHARACTERS);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        key.ifPresent(k -> headers.put("x-api-key", k));
        return HttpCall.postJson(SearchApi.uri(endpoint, "/search"), headers, Json.bytes(body), timeouts);
    }

    @Override
    public List<SearchHit> hits(JsonNode answer) {
        return SearchApi.hits(answer.path("results"), "text", "publishedDate");
    }
}
