package dev.ccbridge.core.exchange;

import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetOptions;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When ccbridge tries a target again before anything reached Claude Code. Conservative, because
 * Claude Code retries 429 and 5xx itself (up to ten times): by default only a failed connection
 * is retried, once and quickly; provider errors go back to Claude Code unless a target asks for
 * {@code retries}. A provider's {@code retry-after-ms}/{@code retry-after} sets the pause; one
 * longer than {@code maxWait} is not waited out here but handed to Claude Code, which waits itself.
 *
 * @param connectRetries extra attempts after a failed connection (option {@code connectRetries}, default 1;
 *                       0 for Bedrock)
 * @param retries        extra attempts after a 429 or 5xx answer (option {@code retries}, default 0)
 * @param maxWait        the longest pause before an attempt (option {@code retryMaxWaitSeconds}, default 10)
 */
public record RetryPolicy(int connectRetries, int retries, Duration maxWait) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(1, 0, Duration.ofSeconds(10));

    private static final Duration CONNECT_BACKOFF = Duration.ofMillis(200);
    private static final Duration ANSWER_BACKOFF = Duration.ofSeconds(1);
    /** Provider answers worth another attempt: rate limits, timeouts, overload, server errors (not 501). */
    private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504, 529);

    public static RetryPolicy of(Target target) {
        // Bedrock: the AWS SDK's connection pool sometimes stalls for its whole acquire timeout (10 s) on
        // an immediate reconnect to an endpoint that refused the last one, so no quick retry by default.
        int connectRetries = target.apiMode() == ApiMode.BEDROCK_CONVERSE ? 0 : DEFAULT.connectRetries;
        TargetOptions options = target.options();
        return new RetryPolicy(
                options.connectRetries() != null ? options.connectRetries() : connectRetries,
                options.retries() != null ? options.retries() : DEFAULT.retries,
                options.retryMaxWait() != null ? options.retryMaxWait() : DEFAULT.maxWait);
    }

    /**
     * The pause before trying the same target again after {@code failures} failed attempts on it
     * (the last one being {@code failure}), or empty when it should not be tried again.
     */
    public Optional<Duration> pauseBeforeRetry(ApiError failure, int failures) {
        return switch (failure.origin()) {
            case UNREACHABLE -> failures <= connectRetries ? Optional.of(backoff(CONNECT_BACKOFF, failures))
                    : Optional.empty();
            // A silent provider was already waited for as long as the target allows: do not double it.
            case SILENT -> Optional.empty();
            case ANSWERED -> {
                if (failures > retries || !RETRYABLE.contains(failure.status())
                        || "false".equalsIgnoreCase(failure.header("x-should-retry"))) {
                    yield Optional.empty();
                }
                Optional<Duration> asked = retryAfter(failure);
                if (asked.isPresent()) {
                    yield asked.get().compareTo(maxWait) <= 0 ? asked : Optional.empty();
                }
                yield Optional.of(backoff(ANSWER_BACKOFF, failures));
            }
        };
    }

    /**
     * Whether the next fallback target should be tried: this one is unavailable (unreachable,
     * silent, rate limited, out of quota, failing), as opposed to refusing the request itself,
     * which another target would refuse too (and which Claude Code must see, e.g. "prompt is too long").
     */
    public static boolean worthAFallback(ApiError failure) {
        return switch (failure.origin()) {
            case UNREACHABLE, SILENT -> true;
            case ANSWERED -> failure.status() == 402 || failure.status() == 408 || failure.status() == 429
                    || (failure.status() >= 500 && failure.status() != 501);
        };
    }

    /** The pause a provider asked for: {@code retry-after-ms}, else {@code retry-after} (seconds or an HTTP date). */
    static Optional<Duration> retryAfter(ApiError failure) {
        String millis = failure.header("retry-after-ms");
        if (millis != null) {
            try {
                double value = Double.parseDouble(millis.strip());
                if (value >= 0 && Double.isFinite(value)) {
                    return Optional.of(Duration.ofMillis((long) value));
                }
            } catch (NumberFormatException ignored) {
                // fall back to retry-after
            }
        }
        String after = failure.header("retry-after");
        if (after == null || after.isBlank()) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(after.strip());
            return seconds >= 0 && Double.isFinite(seconds)
                    ? Optional.of(Duration.ofMillis((long) (seconds * 1000))) : Optional.empty();
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(after.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    /** Exponential backoff with up to 25 % jitter, never beyond {@link #maxWait}. */
    private Duration backoff(Duration base, int failures) {
        long millis = base.toMillis() << Math.min(failures - 1, 10);
        millis += ThreadLocalRandom.current().nextLong(millis / 4 + 1);
        return Duration.ofMillis(Math.min(millis, maxWait.toMillis()));
    }
}
