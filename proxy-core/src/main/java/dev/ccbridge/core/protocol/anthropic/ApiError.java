package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * An error as Claude Code receives it: HTTP status, Anthropic error type and a message, plus the
 * provider's own (redacted) error where there is one. The one path from any failure to the wire.
 *
 * @param headers extra response headers ({@code retry-after}, {@code x-should-retry})
 * @param origin  how the failure came about; never sent, it decides whether ccbridge may try again
 */
public record ApiError(int status, String type, String message, JsonNode providerError,
                       Map<String, String> headers, Origin origin) {

    /** How a failure came about, which decides whether another attempt can help. */
    public enum Origin {
        /** The provider (or ccbridge itself) answered with this error. */
        ANSWERED,
        /** No answer: the connection could not be made, or broke before anything reached the client. */
        UNREACHABLE,
        /** The provider was silent past a time limit (first byte, between chunks, or in total). */
        SILENT
    }

    public ApiError {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        origin = origin == null ? Origin.ANSWERED : origin;
    }

    public ApiError(int status, String type, String message, JsonNode providerError, Map<String, String> headers) {
        this(status, type, message, providerError, headers, Origin.ANSWERED);
    }

    public static ApiError of(int status, String type, String message) {
        return new ApiError(status, type, message, null, Map.of());
    }

    public static ApiError invalidRequest(String message) {
        return of(400, "invalid_request_error", message);
    }

    public static ApiError authentication(String message) {
        return of(401, "authentication_error", message);
    }

    public static ApiError permission(String message) {
        return of(403, "permission_error", message);
    }

    public static ApiError notFound(String message) {
        return of(404, "not_found_error", message);
    }

    public static ApiError tooLarge(String message) {
        return of(413, "request_too_large", message);
    }

    public static ApiError rateLimited(String message) {
        return of(429, "rate_limit_error", message);
    }

    public static ApiError api(int status, String message) {
        return of(status, "api_error", message);
    }

    public static ApiError overloaded(String message) {
        return of(529, "overloaded_error", message);
    }

    /** A failure a retry cannot fix (configuration, unimplemented mode): tells Claude Code not to retry. */
    public ApiError notRetryable() {
        return withHeader("x-should-retry", "false");
    }

    public ApiError withHeader(String name, String value) {
        var merged = new HashMap<>(headers);
        merged.put(name, value);
        return new ApiError(status, type, message, providerError, merged, origin);
    }

    public ApiError withProviderError(JsonNode detail) {
        return new ApiError(status, type, message, detail, headers, origin);
    }

    public ApiError withOrigin(Origin how) {
        return new ApiError(status, type, message, providerError, headers, how);
    }

    /** The provider could not be reached, or the connection broke before an answer. */
    public static ApiError unreachable(int status, String message) {
        return api(status, message).withOrigin(Origin.UNREACHABLE);
    }

    /** The provider was silent past a time limit: 504, as Anthropic answers a timeout. */
    public static ApiError silent(String message) {
        return api(504, message).withOrigin(Origin.SILENT);
    }

    /** The value of a response header this error carries, by case-insensitive name. */
    public String header(String name) {
        for (var entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    public Body body() {
        return new Body(type, message, providerError);
    }

    public Envelope envelope(String requestId) {
        return new Envelope("error", body(), requestId);
    }

    @JsonPropertyOrder({"type", "message", "provider_error"})
    public record Body(String type, String message, JsonNode providerError) {}

    @JsonPropertyOrder({"type", "error", "request_id"})
    public record Envelope(String type, Body error, @JsonInclude(JsonInclude.Include.NON_NULL) String requestId) {}
}
