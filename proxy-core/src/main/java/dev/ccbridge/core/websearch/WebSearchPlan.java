package dev.ccbridge.core.websearch;

import dev.ccbridge.core.protocol.anthropic.WebSearchTool;
import dev.ccbridge.core.target.NativeWebSearch;

/** Who answers a request's web search. */
public sealed interface WebSearchPlan {
    /** The request offers no web search (past searches in it still go as text). */
    record NotAsked() implements WebSearchPlan {}

    /** An Anthropic-compatible target: it runs any search, and the request (past searches too) goes as it is. */
    record Relayed() implements WebSearchPlan {}

    /** The target's provider runs it, with its own search tool in place of Anthropic's. */
    record Native(NativeWebSearch provider, WebSearchTool tool) implements WebSearchPlan {}

    /** ccbridge answers it: the model is offered a search function, the searcher runs its calls. */
    record Answered(WebSearchTool tool, Searcher searcher) implements WebSearchPlan {}
}
