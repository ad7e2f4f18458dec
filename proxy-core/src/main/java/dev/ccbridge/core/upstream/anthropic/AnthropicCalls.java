package dev.ccbridge.core.upstream.anthropic;

import dev.ccbridge.core.protocol.anthropic.AnthropicVersion;
import dev.ccbridge.core.target.Target;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where and how an Anthropic-compatible upstream is called: the URL rule for base URLs with or
 * without a version segment, and the headers (Anthropic's, the target's, and the target's key in
 * the form its {@code auth} option names). Claude Code's own credentials are never among them.
 */
final class AnthropicCalls {
    static final String DEFAULT_VERSION = AnthropicVersion.CURRENT;

    /** {@code .../v1}, {@code .../v2}, {@code .../v1beta}: the base already names the API version. */
    private static final Pattern VERSIONED = Pattern.compile(".*/v\\d+(?:(?:alpha|beta)\\d*)?$");

    /** How the key travels, from the target option {@code auth}. */
    enum Auth { API_KEY, BEARER, BOTH;

        static Auth of(Target target) {
            String value = target.options().auth();
            if (value == null || value.isBlank()) {
                return BOTH;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "x-api-key", "api-key", "apikey" -> API_KEY;
                case "bearer", "authorization" -> BEARER;
                default -> BOTH;
            };
        }
    }

    private AnthropicCalls() {}

    static URI messages(String baseUrl) {
        return URI.create(base(baseUrl) + "/messages");
    }

    static URI countTokens(String baseUrl) {
        return URI.create(base(baseUrl) + "/messages/count_tokens");
    }

    private static String base(String baseUrl) {
        String trimmed = baseUrl == null ? "" : baseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return VERSIONED.matcher(trimmed).matches() ? trimmed : trimmed + "/v1";
    }

    /**
     * @param clientHeaders lower-case names; only {@code anthropic-version} and {@code anthropic-beta} are read
     */
    static Map<String, String> headers(Target target, Optional<String> key, Map<String, String> clientHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("anthropic-version", clientHeaders.getOrDefault("anthropic-version", DEFAULT_VERSION));
        String betas = betas(clientHeaders.get("anthropic-beta"));
        if (!betas.isEmpty()) {
            headers.put("anthropic-beta", betas);
        }
        key.ifPresent(value -> {
            Auth auth = Auth.of(target);
            if (auth != Auth.BEARER) {
                headers.put("x-api-key", value);
            }
            if (auth != Auth.API_KEY) {
                headers.put("Authorization", "Bearer " + value);
            }
        });
        headers.putAll(target.headers());
        return headers;
    }

    /**
     * Claude Code's betas, minus {@code oauth-*}: those describe a claude.ai login, whose token
     * ccbridge never forwards; sent beside an API key they only risk a refusal.
     */
    static String betas(String header) {
        if (header == null) {
            return "";
        }
        return Arrays.stream(header.split(","))
                .map(String::strip)
                .filter(beta -> !beta.isEmpty() && !beta.toLowerCase(Locale.ROOT).startsWith("oauth-"))
                .collect(Collectors.joining(","));
    }
}
