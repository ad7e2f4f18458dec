package dev.ccbridge.app.services;

import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.websearch.SearchSettings;
import dev.ccbridge.core.websearch.Searcher;
import dev.ccbridge.core.websearch.WebSearchPlan;
import java.util.Map;
import java.util.Optional;

/**
 * The search backend for Claude Code's web searches, as the Web search tab sets it up: the saved
 * settings from memory (any thread); the config file, the key store and the network
 * ({@link Blocking}).
 */
public interface SearchSetup {
    /** The search settings as saved. */
    SearchSettings saved();

    /** Writes {@code settings} to the config file, and {@code key}, unless blank, to the key store. */
    @Blocking
    void save(SearchSettings settings, String key);

    /** Where the backend's key is found (its variable, the key store), if anywhere. */
    @Blocking
    Optional<String> keySource(SearchSettings settings);

    /** Who runs the searches of each target, as configured now (the key store is read). */
    @Blocking
    Map<Target, WebSearchPlan> plans();

    /** The backend of {@code settings}, ready to search (its key read), or why it cannot. */
    @Blocking
    Searcher searcher(SearchSettings settings);
}
