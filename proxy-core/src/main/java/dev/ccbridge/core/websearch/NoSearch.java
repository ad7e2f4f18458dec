package dev.ccbridge.core.websearch;

import dev.ccbridge.core.upstream.Cancellation;
import java.util.List;

/** No search for this target: every search fails as {@code unavailable}, with the reason and the fix. */
public record NoSearch(String reason) implements Searcher {
    @Override
    public List<SearchHit> search(SearchQuery query, Cancellation cancellation) throws SearchException {
        throw new SearchException(SearchErrorCode.UNAVAILABLE, reason);
    }

    @Override
    public String describe() {
        return "no web search: " + reason;
    }
}
