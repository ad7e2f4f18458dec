package dev.ccbridge.core.websearch;

import java.util.Locale;

/** Why a search gave no results, in the error codes of Anthropic's {@code web_search_tool_result_error}. */
public enum SearchErrorCode {
    /** No search could be made: none configured, a backend that failed or refused the key. */
    UNAVAILABLE,
    /** The backend is rate limiting. */
    TOO_MANY_REQUESTS,
    /** The call named no query, or one the backend refused. */
    INVALID_INPUT,
    /** The query is longer than a search engine takes. */
    QUERY_TOO_LONG,
    /** The answer made all the searches {@code max_uses} allows. */
    MAX_USES_EXCEEDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
