package dev.ccbridge.core.websearch;

import dev.ccbridge.core.upstream.Cancellation;
import java.util.List;

/** Runs the web searches a model asks for: a configured backend, or none (every search then fails, saying why). */
public sealed interface Searcher permits BackendSearch, NoSearch {
    /**
     * @throws SearchException when the search gave no results: the code the model reads, and why
     */
    List<SearchHit> search(SearchQuery query, Cancellation cancellation) throws SearchException;

    /** What searches, for the log: "Brave Search", or why nothing can. */
    String describe();
}
