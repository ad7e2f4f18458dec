package dev.ccbridge.core.upstream;

import dev.ccbridge.core.target.Target;
import java.time.Duration;

/**
 * How long ccbridge waits on a provider (connecting is bounded by {@link #CONNECT} for all).
 *
 * @param firstByte from sending the request to the response headers
 * @param idle      between two reads of a streamed answer (reasoning models can be silent a while)
 * @param total     for the whole answer; zero means no limit (Claude Code keeps its own)
 */
public record Timeouts(Duration firstByte, Duration idle, Duration total) {
    public static final Duration CONNECT = Duration.ofSeconds(10);
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(300), Duration.ofSeconds(300), Duration.ZERO);

    /** The defaults, overridden by a target's options ({@code firstByteTimeoutSeconds}, ...). */
    public static Timeouts of(Target target) {
        return new Timeouts(
                seconds(target, "firstByteTimeoutSeconds", DEFAULT.firstByte),
                seconds(target, "idleTimeoutSeconds", DEFAULT.idle),
                seconds(target, "totalTimeoutSeconds", DEFAULT.total));
    }

    private static Duration seconds(Target target, String option, Duration fallback) {
        String value = target.option(option);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
