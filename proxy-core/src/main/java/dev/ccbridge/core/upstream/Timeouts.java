package dev.ccbridge.core.upstream;

import dev.ccbridge.core.target.Target;
import java.time.Duration;
import java.util.Locale;

/**
 * How long ccbridge waits on a provider (connecting is bounded by {@link #CONNECT} for all).
 *
 * @param firstByte from sending the request to the response headers
 * @param idle      waiting for the next bytes of an answer (reasoning models can be silent a while)
 * @param total     for the whole answer; zero means no limit (Claude Code keeps its own)
 */
public record Timeouts(Duration firstByte, Duration idle, Duration total) {
    public static final Duration CONNECT = Duration.ofSeconds(10);
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(300), Duration.ofSeconds(300), Duration.ZERO);

    /** The longest limit a target may set (a day): longer values are typos, not intentions. */
    private static final double MAX_SECONDS = 86_400;

    /**
     * The defaults, overridden by a target's options ({@code firstByteTimeoutSeconds},
     * {@code idleTimeoutSeconds}, {@code totalTimeoutSeconds}). A value that is not a positive
     * number of seconds keeps the default ({@code totalTimeoutSeconds: 0} means no limit).
     */
    public static Timeouts of(Target target) {
        return new Timeouts(
                seconds(target, "firstByteTimeoutSeconds", DEFAULT.firstByte),
                seconds(target, "idleTimeoutSeconds", DEFAULT.idle),
                seconds(target, "totalTimeoutSeconds", DEFAULT.total));
    }

    /** "300 s", "1.5 s": how a limit reads in a message. */
    public static String describe(Duration limit) {
        long millis = limit.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static Duration seconds(Target target, String option, Duration fallback) {
        String value = target.option(option);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double seconds = Double.parseDouble(value.strip());
            if (!(seconds > 0) || seconds > MAX_SECONDS) {
                return fallback;
            }
            return Duration.ofMillis(Math.max(1, (long) (seconds * 1000)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
