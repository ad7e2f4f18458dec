package dev.ccbridge.core.websearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.GatewayConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The search backend ccbridge runs web searches with for targets that have no search of their
 * own, kept in the config file under {@code "webSearch"}:
 * {@code {"backend": "brave", "baseUrl": "...", "maxResults": 5, "apiKeyEnv": "BRAVE_API_KEY"}}.
 * Its key is never here: it is read from {@code apiKeyEnv} (by default the backend's usual
 * variable), else from the key store under {@link #secretAccount()}.
 *
 * @param backend    the service, or null when none is configured
 * @param baseUrl    its endpoint, or null for the service's public one
 * @param maxResults pages per search
 * @param apiKeyEnv  the environment variable holding its key, or null for the usual one
 */
public record SearchSettings(SearchBackend backend, String baseUrl, int maxResults, String apiKeyEnv) {
    public static final String FIELD = "webSearch";
    public static final int DEFAULT_MAX_RESULTS = 5;
    public static final int MAX_RESULTS_LIMIT = 20;
    public static final SearchSettings NONE = new SearchSettings(null, null, DEFAULT_MAX_RESULTS, null);

    public SearchSettings {
        baseUrl = blankToNull(baseUrl);
        while (baseUrl != null && baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        maxResults = maxResults <= 0 ? DEFAULT_MAX_RESULTS : Math.min(maxResults, MAX_RESULTS_LIMIT);
        apiKeyEnv = blankToNull(apiKeyEnv);
    }

    /** The settings in {@code config}; {@link #NONE} when there are none (or they name no known backend). */
    public static SearchSettings of(GatewayConfig config) {
        JsonNode node = config.extra().get(FIELD);
        if (node == null || !node.isObject()) {
            return NONE;
        }
        return new SearchSettings(SearchBackend.byId(node.path("backend").asText(null)).orElse(null),
                node.path("baseUrl").asText(null), node.path("maxResults").asInt(DEFAULT_MAX_RESULTS),
                node.path("apiKeyEnv").asText(null));
    }

    /** The config with these settings in it (without any, when no backend is set); all else unchanged. */
    public GatewayConfig applyTo(GatewayConfig config) {
        Map<String, JsonNode> extra = new LinkedHashMap<>(config.extra());
        if (backend == null) {
            extra.remove(FIELD);
        } else {
            ObjectNode node = Json.object().put("backend", backend.id());
            if (baseUrl != null) {
                node.put("baseUrl", baseUrl);
            }
            node.put("maxResults", maxResults);
            if (apiKeyEnv != null) {
                node.put("apiKeyEnv", apiKeyEnv);
            }
            extra.put(FIELD, node);
        }
        return new GatewayConfig(config.schemaVersion(), config.port(), config.installToken(), config.activeTarget(),
                config.targets(), extra);
    }

    public Optional<SearchBackend> configured() {
        return Optional.ofNullable(backend);
    }

    /** Where searches go: the base URL set, else the service's public endpoint (null for SearXNG without one). */
    public String endpoint() {
        return baseUrl != null ? baseUrl : backend == null ? null : backend.defaultEndpoint();
    }

    /** The environment variable read for the key: the one set, else the backend's usual one (null: none). */
    public String keyVariable() {
        return apiKeyEnv != null ? apiKeyEnv : backend == null ? null : backend.keyVariable();
    }

    /** The account the key is kept under in the key store ({@code search.brave}). */
    public String secretAccount() {
        return secretAccount(backend);
    }

    public static String secretAccount(SearchBackend backend) {
        return "search." + (backend == null ? "none" : backend.id());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
