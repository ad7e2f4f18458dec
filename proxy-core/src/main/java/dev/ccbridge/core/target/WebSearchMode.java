package dev.ccbridge.core.target;

import java.util.Locale;

/**
 * How a target answers Claude Code's web search (the {@code webSearch} option): with its
 * provider's own search where it has one, else the search backend configured ({@code auto});
 * only natively; only through the backend; or not at all (the model is told search is off).
 */
public enum WebSearchMode {
    AUTO, NATIVE, BACKEND, OFF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode as written, or null when it names none. */
    static WebSearchMode read(String written) {
        for (WebSearchMode mode : values()) {
            if (mode.wireName().equalsIgnoreCase(written.strip())) {
                return mode;
            }
        }
        return null;
    }
}
