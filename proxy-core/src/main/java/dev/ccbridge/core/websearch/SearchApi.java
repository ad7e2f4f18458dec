package dev.ccbridge.core.websearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.target.Timeouts;
import dev.ccbridge.core.upstream.http.HttpCall;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What differs between search services: how a query is asked, and how the answer reads. */
sealed interface SearchApi permits BraveApi, TavilyApi, ExaApi, SearxngApi {
    /**
     * @param endpoint the service's base URL, without a trailing slash
     * @param key      its key, if it has one
     */
    HttpCall call(SearchQuery query, String endpoint, Optional<String> key, Timeouts timeouts);

    /** The pages in the service's answer, in its order. */
    List<SearchHit> hits(JsonNode answer);

    static URI uri(String endpoint, String path) {
        return URI.create(endpoint + path);
    }

    /** Puts {@code domains} in {@code body} as the array {@code field}, if there are any. */
    static void domains(ObjectNode body, String field, List<String> domains) {
        if (!domains.isEmpty()) {
            domains.forEach(body.putArray(field)::add);
        }
    }

    /** The pages of a result list whose entries carry {@code title} and {@code url}, and the excerpt and date as named. */
    static List<SearchHit> hits(JsonNode results, String snippetField, String dateField) {
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode result : results) {
            String url = text(result, "url");
            if (url != null && !url.isBlank()) {
                hits.add(new SearchHit(text(result, "title"), url, text(result, snippetField), text(result, dateField)));
            }
        }
        return hits;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
