package dev.ccbridge.core.target;

import java.time.Duration;
import java.util.Locale;

/**
 * How long ccbridge waits on a provider (connecting is bounded by {@link #CONNECT} for all); a
 * target's are {@code target.options().timeouts()}.
 *
 * @param firstByte from sending the request to the response headers
 * @param idle      waiting for the next bytes of an answer (reasoning models can be silent a while)
 * @param total     for the whole answer; zero means no limit (Claude Code keeps its own)
 */
public record Timeouts(Duration firstByte, Duration idle, Duration total) {
    public static final Duration CONNECT = Duration.ofSeconds(10);
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(300), Duration.ofSeconds(300), Duration.ZERO);

    /** "300 s", "1.5 s": how a limit reads in a message. */
    public static String describe(Duration limit) {
        long millis = limit.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
