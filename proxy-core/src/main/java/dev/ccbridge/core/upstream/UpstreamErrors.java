package dev.ccbridge.core.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.stream.StreamFailure;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a provider's failure (HTTP status and body, or a mid-stream error object) to what Claude
 * Code understands: the Anthropic error type and status that make it retry, stop, or compact
 * its context. The provider's own error travels along, redacted, as {@code provider_error}.
 * One per call ({@link Call#errors()}): it knows the target's name, its key (to scrub) and the
 * sizes a context overflow is described with.
 *
 * @param target         the target's display name, for messages (never its key)
 * @param promptEstimate estimated prompt tokens, used if a context overflow names no numbers
 * @param contextWindow  the model's window, likewise
 */
public record UpstreamErrors(String target, Redactor redactor, long promptEstimate, long contextWindow) {
    private static final int MAX_TEXT = 2000;

    private static final List<String> CONTEXT_OVERFLOW = List.of(
            "context_length_exceeded", "maximum context length", "context window", "context length",
            "prompt is too long", "input is too long", "too many tokens", "exceeds the maximum number of tokens",
            "reduce the length of the messages", "input length", "prompt too long", "longer than the model");

    private static final Pattern MAX_TOKENS = Pattern.compile(
            "(?i)(?:maximum context length is|context window of|context length of|limit of|maximum of)\\s*(\\d[\\d,]*)");
    private static final Pattern ACTUAL_TOKENS = Pattern.compile(
            "(?i)(?:resulted in|requested|you requested|has|contains|got)\\s*(\\d[\\d,]*)\\s*(?:input\\s+)?tokens");

    /** A provider's error answer: its HTTP status, headers and body. */
    public ApiError fromHttp(int status, Map<String, String> headers, String body) {
        JsonNode parsed = Json.parseOrNull(body);
        String message = redactor.redact(messageOf(parsed, body));
        JsonNode detail = providerError(status, parsed, body, redactor);
        String lower = (message + " " + (body == null ? "" : body)).toLowerCase(Locale.ROOT);

        ApiError error;
        if ((status == 400 || status == 413 || status == 422) && isContextOverflow(lower)) {
            error = ApiError.invalidRequest(promptTooLong(message));
        } else if (status == 402 || (status == 429 && isQuota(lower))) {
            error = ApiError.rateLimited(target + ": quota or billing limit reached: " + message).notRetryable();
        } else {
            error = switch (status) {
                case 400, 422 -> ApiError.invalidRequest(target + ": " + message);
                case 401 -> ApiError.authentication(target + " rejected the API key: " + message);
                case 403 -> ApiError.permission(target + ": access denied: " + message);
                case 404 -> ApiError.notFound(target + ": not found (check the base URL and model): " + message);
                case 413 -> ApiError.tooLarge(target + ": request too large: " + message);
                case 408, 504 -> ApiError.api(504, target + " timed out: " + message);
                case 429 -> retryHeaders(ApiError.rateLimited(target + " is rate limiting: " + message), headers);
                case 503, 529 -> retryHeaders(ApiError.overloaded(target + " is overloaded: " + message), headers);
                default -> status >= 500
                        ? (lower.contains("overloaded") ? ApiError.overloaded(target + " is overloaded: " + message)
                                : ApiError.api(status == 502 ? 502 : 500, target + " failed (" + status + "): " + message))
                        : ApiError.invalidRequest(target + " refused the request (" + status + "): " + message);
            };
        }
        return error.withProviderError(detail);
    }

    /** An error object delivered inside a 200 stream (Chat chunk {@code error}, Responses {@code error} event). */
    public ApiError fromStreamError(JsonNode error) {
        String message = redactor.redact(messageOf(error, null));
        String lower = (message + " " + error).toLowerCase(Locale.ROOT);
        int status = error.path("code").isInt() ? error.path("code").asInt() : error.path("status").asInt(0);
        ApiError mapped;
        if (isContextOverflow(lower)) {
            mapped = ApiError.invalidRequest(promptTooLong(message));
        } else if (lower.contains("rate limit") || lower.contains("rate_limit") || status == 429) {
            mapped = ApiError.rateLimited(target + " is rate limiting: " + message);
        } else if (lower.contains("overloaded") || status == 503 || status == 529) {
            mapped = ApiError.overloaded(target + " is overloaded: " + message);
        } else if (status >= 400 && status < 500) {
            mapped = ApiError.invalidRequest(target + ": " + message);
        } else {
            mapped = ApiError.api(500, target + " failed mid-answer: " + message);
        }
        return mapped.withProviderError(redactor.redact(error));
    }

    /** A translator's {@link StreamFailure}: provider error, malformed data, or a stream cut short. */
    public ApiError fromFailure(StreamFailure failure) {
        return switch (failure.kind()) {
            case PROVIDER_ERROR -> fromStreamError(failure.providerError());
            case MALFORMED -> ApiError.api(502, target + " sent malformed data (" + redactor.redact(failure.getMessage())
                    + "); the answer may be incomplete, so it was dropped");
            case TRUNCATED -> ApiError.api(502, target + ": upstream stream ended unexpectedly");
        };
    }

    public static boolean isContextOverflow(String lowerText) {
        for (String marker : CONTEXT_OVERFLOW) {
            if (lowerText.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Claude Code compacts its context only on a 400 reading {@code prompt is too long: N tokens > M maximum}.
     */
    public String promptTooLong(String upstreamMessage) {
        long maximum = number(MAX_TOKENS.matcher(upstreamMessage), contextWindow);
        long actual = number(ACTUAL_TOKENS.matcher(upstreamMessage), Math.max(promptEstimate, maximum + 1));
        return "prompt is too long: " + actual + " tokens > " + maximum + " maximum (upstream: " + upstreamMessage + ")";
    }

    private static long number(Matcher matcher, long fallback) {
        if (matcher.find()) {
            try {
                return Long.parseLong(matcher.group(1).replace(",", ""));
            } catch (NumberFormatException ignored) {
                // fall through to the fallback
            }
        }
        return fallback;
    }

    private static boolean isQuota(String lower) {
        return lower.contains("insufficient_quota") || lower.contains("quota") || lower.contains("billing")
                || lower.contains("credit") || lower.contains("balance");
    }

    private static ApiError retryHeaders(ApiError error, Map<String, String> headers) {
        ApiError out = error;
        for (String name : List.of("retry-after", "retry-after-ms")) {
            String value = headers.get(name);
            if (value != null) {
                out = out.withHeader(name, value);
            }
        }
        return out;
    }

    /** The provider's human-readable message from the error shapes providers use. */
    public static String messageOf(JsonNode parsed, String raw) {
        if (parsed != null) {
            JsonNode node = parsed.isArray() && !parsed.isEmpty() ? parsed.get(0) : parsed;
            for (JsonNode candidate : List.of(node.path("error").path("message"), node.path("message"),
                    node.path("error"), node.path("detail"), node.path("error").path("msg"), node.path("msg"))) {
                if (candidate.isTextual() && !candidate.asText().isBlank()) {
                    return truncate(candidate.asText());
                }
            }
            if (node.path("detail").isArray() || node.path("detail").isObject()) {
                return truncate(node.path("detail").toString());
            }
        }
        if (raw == null || raw.isBlank()) {
            return "no details given";
        }
        String text = raw.strip();
        if (looksLikeHtml(text)) {
            return truncate(htmlText(text));
        }
        return truncate(text);
    }

    private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern HTML_NOISE = Pattern.compile("(?is)<(script|style|head)[^>]*>.*?</\\1>|<!--.*?-->");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
    private static final int MAX_HTML_TEXT = 300;

    private static boolean looksLikeHtml(String text) {
        String start = text.substring(0, Math.min(200, text.length())).toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<html")
                || start.startsWith("<head") || start.startsWith("<body");
    }

    /** A web page's gist (an error page of a proxy or gateway): its title and text, not its markup. */
    static String htmlText(String html) {
        String body = HTML_TAG.matcher(HTML_NOISE.matcher(html).replaceAll(" ")).replaceAll(" ")
                .replaceAll("&nbsp;", " ").replaceAll("\\s+", " ").strip();
        Matcher title = HTML_TITLE.matcher(html);
        String heading = title.find() ? title.group(1).replaceAll("\\s+", " ").strip() : "";
        String text = heading.isEmpty() || body.startsWith(heading) ? body : heading + ": " + body;
        text = text.isEmpty() ? "an HTML page without text" : "HTML page: " + text;
        return text.length() <= MAX_HTML_TEXT ? text : text.substring(0, MAX_HTML_TEXT) + "...";
    }

    private static JsonNode providerError(int status, JsonNode parsed, String raw, Redactor redactor) {
        if (parsed != null && (parsed.isObject() || parsed.isArray())) {
            JsonNode detail = redactor.redact(parsed);
            if (detail.toString().length() <= 4 * MAX_TEXT) {
                return detail;
            }
        }
        ObjectNode detail = Json.object();
        detail.put("status", status);
        String text = raw == null ? "" : raw.strip();
        detail.put("body", redactor.redact(looksLikeHtml(text) ? htmlText(text) : truncate(text)));
        return detail;
    }

    public static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }
}
