package dev.ccbridge.core.websearch;

/** A search that gave no results: the code the model and Claude Code read, and words for the log and the model. */
public final class SearchException extends Exception {
    private final SearchErrorCode code;

    public SearchException(SearchErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public SearchErrorCode code() {
        return code;
    }
}
