package dev.ccbridge.core.target;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A target's options, typed. In the config file, the CLI ({@code --option KEY=VALUE}) and the editor
 * they are strings ({@code "options": {"idleTimeoutSeconds": "300"}}): {@link #of} reads them once,
 * here. A value that does not read (a typo) counts as unset, and is kept as written in {@link #other}
 * with every key this version does not know, so saving the file never loses what the user wrote.
 *
 * @param firstByteTimeout wait this long for the provider's response headers ({@code firstByteTimeoutSeconds})
 * @param idleTimeout      wait this long for the next bytes of an answer ({@code idleTimeoutSeconds})
 * @param totalTimeout     limit for the whole answer; zero means none ({@code totalTimeoutSeconds})
 * @param connectRetries   extra attempts after a failed connection ({@code connectRetries})
 * @param retries          extra attempts after a 408/429/5xx answer ({@code retries})
 * @param retryMaxWait     the longest {@code retry-after} waited out ({@code retryMaxWaitSeconds})
 * @param auth             how the key travels: passthrough {@code x-api-key|bearer|both}, Bedrock
 *                         {@code api_key|profile|aws} (read by each mode)
 * @param region           Bedrock: the AWS region
 * @param profile          Bedrock: the AWS profile
 * @param endpoint         Bedrock: an endpoint in place of the region's
 * @param streaming        Bedrock: {@code false} asks with Converse instead of ConverseStream
 * @param webSearch        how Claude Code's web search is answered ({@code webSearch}: auto, native,
 *                         backend, off; unset means auto)
 */
public record TargetOptions(Duration firstByteTimeout, Duration idleTimeout, Duration totalTimeout,
                            Integer connectRetries, Integer retries, Duration retryMaxWait, String auth,
                            String region, String profile, String endpoint, Boolean streaming,
                            WebSearchMode webSearch, Map<String, String> other) {

    public static final TargetOptions NONE = of(Map.of());

    /** The longest time limit a target may set (a day): longer values are typos, not intentions. */
    private static final double MAX_LIMIT_SECONDS = 86_400;
    private static final double MAX_RETRY_WAIT_SECONDS = 600;
    private static final int MAX_RETRIES = 10;

    private static final String FIRST_BYTE = "firstByteTimeoutSeconds";
    private static final String IDLE = "idleTimeoutSeconds";
    private static final String TOTAL = "totalTimeoutSeconds";
    private static final String CONNECT_RETRIES = "connectRetries";
    private static final String RETRIES = "retries";
    private static final String RETRY_MAX_WAIT = "retryMaxWaitSeconds";
    private static final String AUTH = "auth";
    private static final String REGION = "region";
    private static final String PROFILE = "profile";
    private static final String ENDPOINT = "endpoint";
    private static final String STREAMING = "streaming";
    private static final String WEB_SEARCH = "webSearch";

    public TargetOptions {
        other = other == null ? Map.of() : Map.copyOf(other);
    }

    /** Reads the options as written; never fails (see the class comment). */
    @JsonCreator
    public static TargetOptions of(Map<String, String> written) {
        Map<String, String> other = new LinkedHashMap<>();
        if (written != null) {
            written.forEach((key, value) -> {
                if (key != null && value != null) {
                    other.put(key, value);
                }
            });
        }
        var options = new TargetOptions(
                take(other, FIRST_BYTE, v -> seconds(v, MAX_LIMIT_SECONDS, false)),
                take(other, IDLE, v -> seconds(v, MAX_LIMIT_SECONDS, false)),
                take(other, TOTAL, v -> seconds(v, MAX_LIMIT_SECONDS, true)),
                take(other, CONNECT_RETRIES, TargetOptions::count),
                take(other, RETRIES, TargetOptions::count),
                take(other, RETRY_MAX_WAIT, v -> seconds(v, MAX_RETRY_WAIT_SECONDS, true)),
                take(other, AUTH, TargetOptions::text),
                take(other, REGION, TargetOptions::text),
                take(other, PROFILE, TargetOptions::text),
                take(other, ENDPOINT, TargetOptions::text),
                take(other, STREAMING, TargetOptions::bool),
                take(other, WEB_SEARCH, WebSearchMode::read),
                other);
        return options;
    }

    /** The options as the file writes them: every typed value in its key, then the others as written. */
    @JsonValue
    public Map<String, String> asMap() {
        Map<String, String> out = new LinkedHashMap<>();
        putSeconds(out, FIRST_BYTE, firstByteTimeout);
        putSeconds(out, IDLE, idleTimeout);
        putSeconds(out, TOTAL, totalTimeout);
        put(out, CONNECT_RETRIES, connectRetries);
        put(out, RETRIES, retries);
        putSeconds(out, RETRY_MAX_WAIT, retryMaxWait);
        put(out, AUTH, auth);
        put(out, REGION, region);
        put(out, PROFILE, profile);
        put(out, ENDPOINT, endpoint);
        put(out, STREAMING, streaming);
        put(out, WEB_SEARCH, webSearch == null ? null : webSearch.wireName());
        other.forEach(out::putIfAbsent);
        return out;
    }

    public boolean isEmpty() {
        return asMap().isEmpty();
    }

    /** These options with one more set as written ({@code --option KEY=VALUE}); a blank value removes it. */
    public TargetOptions with(String key, String value) {
        Map<String, String> map = asMap();
        if (value == null || value.isBlank()) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
        return of(map);
    }

    /** How web search is answered: as set, else {@link WebSearchMode#AUTO}. */
    public WebSearchMode webSearchMode() {
        return webSearch != null ? webSearch : WebSearchMode.AUTO;
    }

    /** The time limits: these options over the defaults. */
    public Timeouts timeouts() {
        return new Timeouts(
                firstByteTimeout != null ? firstByteTimeout : Timeouts.DEFAULT.firstByte(),
                idleTimeout != null ? idleTimeout : Timeouts.DEFAULT.idle(),
                totalTimeout != null ? totalTimeout : Timeouts.DEFAULT.total());
    }

    private interface Reader<T> {
        T read(String value);
    }

    /** The typed value of a key, removed from {@code other}; left there (as written) if it does not read. */
    private static <T> T take(Map<String, String> other, String key, Reader<T> reader) {
        String value = other.get(key);
        if (value == null) {
            return null;
        }
        T typed = value.isBlank() ? null : reader.read(value.strip());
        if (typed != null || value.isBlank()) {
            other.remove(key);
        }
        return typed;
    }

    private static Duration seconds(String value, double max, boolean zeroAllowed) {
        try {
            double seconds = Double.parseDouble(value);
            if (!(seconds >= 0) || seconds > max || seconds == 0 && !zeroAllowed) {
                return null;
            }
            return seconds == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(1, (long) (seconds * 1000)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer count(String value) {
        try {
            return Math.clamp(Integer.parseInt(value), 0, MAX_RETRIES);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String value) {
        return value;
    }

    private static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> null;
        };
    }

    private static void put(Map<String, String> out, String key, Object value) {
        Optional.ofNullable(value).ifPresent(v -> out.put(key, v.toString()));
    }

    private static void putSeconds(Map<String, String> out, String key, Duration value) {
        if (value != null) {
            long millis = value.toMillis();
            out.put(key, millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0));
        }
    }
}
