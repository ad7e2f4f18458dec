package dev.ccbridge.core.target;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelTiers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One provider target: where requests go and how. The API key is not here: it lives in a
 * {@code SecretStore} under {@link #secretAccount()}, or in the environment variable
 * {@code apiKeyEnv} names. Fields this version does not know are kept in {@code extra}, so an
 * older ccbridge never drops what a newer one wrote.
 *
 * @param id       stable short name used by the CLI and as the key's account name
 * @param token    this target's own route token (for its per-target URL)
 * @param options  settings as strings: mode-specific ({@code region} for Bedrock, {@code auth} for
 *                 passthrough), time limits and retries (see {@code Timeouts}, {@code RetryPolicy})
 * @param capabilities overrides of the model catalog for this target's models (null: none)
 */
@JsonPropertyOrder({"id", "name", "provider", "baseUrl", "model", "apiMode", "tiers", "models", "headers",
        "apiKeyEnv", "token", "options", "capabilities"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Target(String id, String name, String provider, String baseUrl, String model, ApiMode apiMode,
                     ModelTiers tiers, List<String> models, Map<String, String> headers,
                     String apiKeyEnv, String token, Map<String, String> options,
                     ModelCapabilities capabilities,
                     @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    private static final String FALLBACKS = "fallbacks";

    public Target {
        baseUrl = trimBaseUrl(baseUrl);
        tiers = tiers == null ? ModelTiers.NONE : tiers;
        models = models == null ? List.of() : List.copyOf(models);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        options = options == null ? Map.of() : Map.copyOf(options);
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /**
     * The per-target route key: base64url (no padding) of {@code provider \0 model \0 apiMode \0 baseUrl}.
     */
    @JsonIgnore
    public String routeKey() {
        String raw = nullToEmpty(provider) + '\0' + nullToEmpty(model) + '\0'
                + (apiMode == null ? "" : apiMode.wireName()) + '\0' + nullToEmpty(baseUrl);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The account name under which this target's API key is kept in a secret store. */
    @JsonIgnore
    public String secretAccount() {
        return "target." + id;
    }

    @JsonIgnore
    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }

    @JsonIgnore
    public String displayNameOr(String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }

    public String option(String key) {
        return options.get(key);
    }

    /**
     * The ids of the targets to try, in order, when this one is unavailable before its answer
     * started: the config field {@code "fallbacks": ["id1", "id2"]}. Kept among the unknown fields,
     * so the record's shape (and everyone constructing it) stays as it was.
     */
    @JsonIgnore
    public List<String> fallbacks() {
        JsonNode node = extra.get(FALLBACKS);
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(id -> addId(ids, id.asText("")));
        } else if (node.isTextual()) {
            for (String id : node.asText().split(",")) {
                addId(ids, id);
            }
        }
        return List.copyOf(ids);
    }

    public Target withFallbacks(List<String> ids) {
        Map<String, JsonNode> more = new LinkedHashMap<>(extra);
        if (ids == null || ids.isEmpty()) {
            more.remove(FALLBACKS);
        } else {
            var array = JsonNodeFactory.instance.arrayNode();
            ids.forEach(array::add);
            more.put(FALLBACKS, array);
        }
        return new Target(id, name, provider, baseUrl, model, apiMode, tiers, models, headers, apiKeyEnv, token,
                options, capabilities, more);
    }

    private static void addId(List<String> ids, String id) {
        String trimmed = id.strip();
        if (!trimmed.isEmpty() && !ids.contains(trimmed)) {
            ids.add(trimmed);
        }
    }

    public Target withId(String newId) {
        return new Target(newId, name, provider, baseUrl, model, apiMode, tiers, models, headers, apiKeyEnv, token,
                options, capabilities, extra);
    }

    public Target withToken(String newToken) {
        return new Target(id, name, provider, baseUrl, model, apiMode, tiers, models, headers, apiKeyEnv, newToken,
                options, capabilities, extra);
    }

    static String trimBaseUrl(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
