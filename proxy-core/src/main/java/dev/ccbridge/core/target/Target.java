package dev.ccbridge.core.target;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.pricing.Price;
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
 * older ccbridge never drops what a newer one wrote. Built with {@link #builder()} or
 * {@link #toBuilder()}.
 *
 * @param id           stable short name used by the CLI and as the key's account name
 * @param token        this target's own access token (for its per-target URL)
 * @param options      time limits, retries and mode-specific settings
 * @param fallbacks    ids of the targets to try, in order, when this one is unavailable before its
 *                     answer started ({@code "fallbacks": ["id1", "id2"]}; a comma-separated string reads too)
 * @param routing      rules that send some of this target's requests elsewhere (before the global ones)
 * @param capabilities overrides of the model catalog for this target's models (null: none)
 * @param pricing      this target's own prices (US$ per million tokens) over the bundled ones, field by
 *                     field ({@code "pricing": {"input": 0.28, "output": 0.42}}; null: none)
 */
@JsonPropertyOrder({"id", "name", "provider", "baseUrl", "model", "apiMode", "tiers", "models", "headers",
        "apiKeyEnv", "token", "options", "fallbacks", "routing", "capabilities", "pricing"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Target(String id, String name, String provider, String baseUrl, String model, ApiMode apiMode,
                     ModelTiers tiers, List<String> models, Map<String, String> headers,
                     String apiKeyEnv, String token, TargetOptions options,
                     @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> fallbacks,
                     List<RoutingRule> routing, ModelCapabilities capabilities, Price pricing,
                     @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public Target {
        baseUrl = trimBaseUrl(baseUrl);
        tiers = tiers == null ? ModelTiers.NONE : tiers;
        models = models == null ? List.of() : List.copyOf(models);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        options = options == null ? TargetOptions.NONE : options;
        fallbacks = ids(fallbacks);
        routing = routing == null ? List.of() : List.copyOf(routing);
        pricing = pricing == null || pricing.isEmpty() ? null : pricing;
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /** Where a target's own URL path starts; its route key follows. */
    public static final String PINNED_PATH_PREFIX = "/api/claude-code-proxy/";

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
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

    /** The target's own URL on a gateway ({@code http://127.0.0.1:8787}): requests to it always go here. */
    public String pinnedUrl(String gatewayBaseUrl) {
        return gatewayBaseUrl + PINNED_PATH_PREFIX + routeKey();
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

    @JsonIgnore
    public Timeouts timeouts() {
        return options.timeouts();
    }

    public Target withId(String newId) {
        return toBuilder().id(newId).build();
    }

    public Target withToken(String newToken) {
        return toBuilder().token(newToken).build();
    }

    public Target withFallbacks(List<String> ids) {
        return toBuilder().fallbacks(ids).build();
    }

    /** Trimmed, de-duplicated ids; entries may hold several ids separated by commas. */
    private static List<String> ids(List<String> written) {
        List<String> ids = new ArrayList<>();
        if (written != null) {
            for (String entry : written) {
                for (String id : entry == null ? new String[0] : entry.split(",")) {
                    String trimmed = id.strip();
                    if (!trimmed.isEmpty() && !ids.contains(trimmed)) {
                        ids.add(trimmed);
                    }
                }
            }
        }
        return List.copyOf(ids);
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

    /** Builds a {@link Target}; every field starts empty (or as the target it copies). */
    public static final class Builder {
        private String id;
        private String name;
        private String provider;
        private String baseUrl;
        private String model;
        private ApiMode apiMode;
        private ModelTiers tiers;
        private List<String> models;
        private Map<String, String> headers;
        private String apiKeyEnv;
        private String token;
        private TargetOptions options;
        private List<String> fallbacks;
        private List<RoutingRule> routing;
        private ModelCapabilities capabilities;
        private Price pricing;
        private Map<String, JsonNode> extra;

        private Builder() {}

        private Builder(Target t) {
            id = t.id;
            name = t.name;
            provider = t.provider;
            baseUrl = t.baseUrl;
            model = t.model;
            apiMode = t.apiMode;
            tiers = t.tiers;
            models = t.models;
            headers = t.headers;
            apiKeyEnv = t.apiKeyEnv;
            token = t.token;
            options = t.options;
            fallbacks = t.fallbacks;
            routing = t.routing;
            capabilities = t.capabilities;
            pricing = t.pricing;
            extra = new LinkedHashMap<>(t.extra);
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder provider(String value) {
            provider = value;
            return this;
        }

        public Builder baseUrl(String value) {
            baseUrl = value;
            return this;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder apiMode(ApiMode value) {
            apiMode = value;
            return this;
        }

        public Builder tiers(ModelTiers value) {
            tiers = value;
            return this;
        }

        public Builder models(List<String> value) {
            models = value;
            return this;
        }

        public Builder headers(Map<String, String> value) {
            headers = value;
            return this;
        }

        public Builder apiKeyEnv(String value) {
            apiKeyEnv = value;
            return this;
        }

        public Builder token(String value) {
            token = value;
            return this;
        }

        public Builder options(TargetOptions value) {
            options = value;
            return this;
        }

        /** Options as written in the file or on the command line. */
        public Builder options(Map<String, String> written) {
            options = TargetOptions.of(written);
            return this;
        }

        public Builder fallbacks(List<String> value) {
            fallbacks = value;
            return this;
        }

        public Builder routing(List<RoutingRule> value) {
            routing = value;
            return this;
        }

        public Builder capabilities(ModelCapabilities value) {
            capabilities = value;
            return this;
        }

        public Builder pricing(Price value) {
            pricing = value;
            return this;
        }

        public Builder extra(Map<String, JsonNode> value) {
            extra = value == null ? null : new LinkedHashMap<>(value);
            return this;
        }

        public Target build() {
            return new Target(id, name, provider, baseUrl, model, apiMode, tiers, models, headers, apiKeyEnv, token,
                    options, fallbacks, routing, capabilities, pricing, extra);
        }
    }
}
