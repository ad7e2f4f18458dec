package dev.ccbridge.app.websearch;

import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.services.SearchSetup;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.websearch.SearchBackend;
import dev.ccbridge.core.websearch.SearchException;
import dev.ccbridge.core.websearch.SearchHit;
import dev.ccbridge.core.websearch.SearchQuery;
import dev.ccbridge.core.websearch.SearchSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The search backend ccbridge runs Claude Code's web searches with, for targets without a search
 * of their own: the service, its endpoint, pages per search, its key (into the key store, never
 * the config file), a test search, and who searches for each target. Keychain, file and network
 * work runs in the background, through {@link SearchSetup}.
 */
public final class WebSearchViewModel {
    /** A backend to pick, or none. */
    public record Choice(SearchBackend backend) {
        public static final Choice NONE = new Choice(null);

        @Override
        public String toString() {
            return backend == null ? "None" : backend.displayName();
        }
    }

    public static final List<Choice> CHOICES = choices();
    static final String TEST_QUERY = "Claude Code";

    public final ObjectProperty<Choice> backend = new SimpleObjectProperty<>(Choice.NONE);
    public final StringProperty baseUrl = new SimpleStringProperty("");
    public final StringProperty maxResults = new SimpleStringProperty("");
    /** A key typed to be stored; empty keeps the one stored. */
    public final StringProperty apiKey = new SimpleStringProperty("");

    private final SearchSetup search;
    private final UiExecutor ui;
    private final ReadOnlyStringWrapper keyStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper whoSearches = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<SearchSettings> loaded = new SimpleObjectProperty<>(SearchSettings.NONE);
    /** The key variable the config names (not edited here; kept as written). */
    private String apiKeyEnv;
    private final BooleanBinding valid;
    private final BooleanBinding dirty;

    public WebSearchViewModel(SearchSetup search, UiExecutor ui) {
        this.search = search;
        this.ui = ui;
        valid = Bindings.createBooleanBinding(() -> problem().isEmpty(), backend, baseUrl, maxResults);
        dirty = Bindings.createBooleanBinding(() -> !apiKey.get().isBlank() || !current().equals(loaded.get()),
                backend, baseUrl, maxResults, apiKey, loaded);
        reload();
    }

    /** The settings as saved, into the form; the key status and who searches, looked up in the background. */
    public void reload() {
        SearchSettings settings = search.saved();
        apiKeyEnv = settings.apiKeyEnv();
        backend.set(new Choice(settings.backend()));
        baseUrl.set(settings.baseUrl() == null ? "" : settings.baseUrl());
        maxResults.set(String.valueOf(settings.maxResults()));
        apiKey.set("");
        loaded.set(current());
        refreshStatus();
    }

    public BooleanBinding validBinding() {
        return valid;
    }

    public BooleanBinding dirtyBinding() {
        return dirty;
    }

    /** Where the key is found ("from $BRAVE_API_KEY", "kept in the OS keychain"), or what to do. */
    public ReadOnlyStringProperty keyStatusProperty() {
        return keyStatus.getReadOnlyProperty();
    }

    /** One line per target: who runs its searches. */
    public ReadOnlyStringProperty whoSearchesProperty() {
        return whoSearches.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What is wrong with the form, if anything (in words for the field's mark). */
    public Optional<String> problem() {
        SearchBackend chosen = backend.get() == null ? null : backend.get().backend();
        String url = baseUrl.get() == null ? "" : baseUrl.get().strip();
        if (chosen == SearchBackend.SEARXNG && url.isEmpty()) {
            return Optional.of("SearXNG runs on your own server: give its address");
        }
        if (!url.isEmpty() && !isHttpUrl(url)) {
            return Optional.of("An address like https://search.example.com");
        }
        try {
            int results = Integer.parseInt(maxResults.get().strip());
            if (results < 1 || results > SearchSettings.MAX_RESULTS_LIMIT) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            return Optional.of("A number from 1 to " + SearchSettings.MAX_RESULTS_LIMIT);
        }
        return Optional.empty();
    }

    /** Saves the settings (and the key, if one was typed) in the background. */
    public boolean save() {
        if (!valid.get()) {
            return false;
        }
        SearchSettings settings = current();
        String key = apiKey.get().strip();
        message.set("Saving\u2026");
        ui.background(() -> {
            search.save(settings, key);
            return settings;
        }, saved -> {
            reload();
            message.set("Saved." + (key.isEmpty() || saved.backend() == null ? "" : " The key is in the key store."));
        }, failure -> message.set("Not saved: " + failure.getMessage()));
        return true;
    }

    /** One search with the saved settings: what it found, or why it could not. */
    public void testSearch() {
        SearchSettings settings = search.saved();
        message.set("Searching\u2026");
        ui.background(() -> {
            var searcher = search.searcher(settings);
            try {
                List<SearchHit> hits = searcher.search(new SearchQuery(TEST_QUERY, List.of(), List.of(),
                        settings.maxResults()), new Cancellation());
                return searcher.describe() + " found " + hits.size() + (hits.size() == 1 ? " page" : " pages")
                        + (hits.isEmpty() ? "." : ", first: " + hits.getFirst().title() + " (" + hits.getFirst().url() + ")");
            } catch (SearchException e) {
                return "The test search failed (" + e.code().wireName() + "): " + e.getMessage();
            }
        }, message::set, failure -> message.set("The test search failed: " + failure.getMessage()));
    }

    /** The key status and who searches, looked up again in the background (after targets changed). */
    public void refreshStatus() {
        SearchSettings settings = search.saved();
        ui.background(() -> new Status(keyStatus(settings), search.plans().entrySet().stream()
                        .map(entry -> entry.getKey().displayName() + ": " + entry.getValue().describe())
                        .collect(Collectors.joining("\n"))),
                status -> {
                    keyStatus.set(status.key());
                    whoSearches.set(status.targets());
                }, failure -> keyStatus.set("The key store could not be read: " + failure.getMessage()));
    }

    private record Status(String key, String targets) {}

    private String keyStatus(SearchSettings settings) {
        if (settings.backend() == null) {
            return "";
        }
        if (!settings.backend().needsKey()) {
            return settings.backend().displayName() + " takes no key.";
        }
        return search.keySource(settings).map(source -> "A key is set: " + source + ".")
                .orElse("No key yet: type it here, or set " + settings.keyVariable() + " before starting ccbridge.");
    }

    private SearchSettings current() {
        int results;
        try {
            results = Integer.parseInt(maxResults.get().strip());
        } catch (NumberFormatException e) {
            results = SearchSettings.DEFAULT_MAX_RESULTS;
        }
        return new SearchSettings(backend.get() == null ? null : backend.get().backend(), baseUrl.get(), results,
                apiKeyEnv);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<Choice> choices() {
        List<Choice> all = new ArrayList<>();
        all.add(Choice.NONE);
        for (SearchBackend backend : SearchBackend.values()) {
            all.add(new Choice(backend));
        }
        return List.copyOf(all);
    }
}
