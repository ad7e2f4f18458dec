package dev.ccbridge.core.websearch;

import dev.ccbridge.core.protocol.anthropic.WebSearchTool;
import dev.ccbridge.core.target.NativeWebSearch;

/** Who answers a request's web search. */
public sealed interface WebSearchPlan {
    /** Who searches, in words for the user. */
    String describe();

    /** The request offers no web search (past searches in it still go as text). */
    record NotAsked() implements WebSearchPlan {
        @Override
        public String describe() {
            return "no search asked for";
        }
    }

    /** An Anthropic-compatible target: it runs any search, and the request (past searches too) goes as it is. */
    record Relayed() implements WebSearchPlan {
        @Override
        public String describe() {
            return "the Anthropic-compatible provider itself";
        }
    }

    /** The target's provider runs it, with its own search tool in place of Anthropic's. */
    record Native(NativeWebSearch provider, WebSearchTool tool) implements WebSearchPlan {
        @Override
        public String describe() {
            return switch (provider) {
                case RESPONSES -> "OpenAI's own web search";
                case OPENROUTER -> "OpenRouter's own web search";
            };
        }
    }

    /** ccbridge answers it: the model is offered a search function, the searcher runs its calls. */
    record Answered(WebSearchTool tool, Searcher searcher) implements WebSearchPlan {
        @Override
        public String describe() {
            return searcher.describe();
        }
    }
}
