package dev.ccbridge.app.services;

import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import dev.ccbridge.core.websearch.SearchSettings;
import dev.ccbridge.core.websearch.Searcher;
import dev.ccbridge.core.websearch.WebSearch;
import dev.ccbridge.core.websearch.WebSearchPlan;
import java.util.Map;
import java.util.Optional;

/** The app's {@link SearchSetup}: the gateway's own web search and the registry's config. */
public record GatewaySearchSetup(WebSearch webSearch, TargetRegistry registry) implements SearchSetup {
    @Override
    public SearchSettings saved() {
        return SearchSettings.of(registry.config());
    }

    @Override
    public void save(SearchSettings settings, String key) {
        registry.update(settings.applyTo(registry.config()));
        if (key != null && !key.isBlank() && settings.backend() != null) {
            webSearch.storeKey(settings, key.strip());
        }
    }

    @Override
    public Optional<String> keySource(SearchSettings settings) {
        return webSearch.keySource(settings);
    }

    @Override
    public Map<Target, WebSearchPlan> plans() {
        return webSearch.plans(registry.config());
    }

    @Override
    public Searcher searcher(SearchSettings settings) {
        return webSearch.searcher(settings);
    }
}
