package dev.ccbridge.core.websearch;

import java.util.Locale;
import java.util.Optional;

/**
 * The search services ccbridge can ask on a model's behalf, each with its API, its public
 * endpoint and the environment variable its key is usually kept in.
 */
public enum SearchBackend {
    BRAVE("Brave Search", "https://api.search.brave.com/res/v1", "BRAVE_API_KEY", new BraveApi()),
    TAVILY("Tavily", "https://api.tavily.com", "TAVILY_API_KEY", new TavilyApi()),
    EXA("Exa", "https://api.exa.ai", "EXA_API_KEY", new ExaApi()),
    /** A self-hosted SearXNG: no default endpoint, no key (its JSON format must be enabled). */
    SEARXNG("SearXNG", null, null, new SearxngApi());

    private final String displayName;
    private final String defaultEndpoint;
    private final String keyVariable;
    private final SearchApi api;

    SearchBackend(String displayName, String defaultEndpoint, String keyVariable, SearchApi api) {
        this.displayName = displayName;
        this.defaultEndpoint = defaultEndpoint;
        this.keyVariable = keyVariable;
        this.api = api;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    /** The public API's base URL, or null for a self-hosted service. */
    public String defaultEndpoint() {
        return defaultEndpoint;
    }

    /** The environment variable this service's key is usually in, or null if it needs no key. */
    public String keyVariable() {
        return keyVariable;
    }

    public boolean needsKey() {
        return keyVariable != null;
    }

    SearchApi api() {
        return api;
    }

    public static Optional<SearchBackend> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (SearchBackend backend : values()) {
            if (backend.id().equalsIgnoreCase(id.strip())) {
                return Optional.of(backend);
            }
        }
        return Optional.empty();
    }
}
