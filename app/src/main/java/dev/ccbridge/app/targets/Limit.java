package dev.ccbridge.app.targets;

import java.util.Optional;

/**
 * A target's time limits and retries as the editor offers them, each one of the core's typed
 * {@code TargetOptions}, named here by its key in the config file. The editor asks for values the
 * core reads; a count above 10 it would cap is refused here, with the range in words.
 */
public enum Limit {
    FIRST_BYTE("firstByteTimeoutSeconds", "First byte within (s)", Kind.SECONDS, "300"),
    IDLE("idleTimeoutSeconds", "Silence allowed (s)", Kind.SECONDS, "300"),
    TOTAL("totalTimeoutSeconds", "Whole answer within (s)", Kind.SECONDS_OR_NONE, "no limit"),
    CONNECT_RETRIES("connectRetries", "Connection retries", Kind.COUNT, "1"),
    RETRIES("retries", "Retries after 429/5xx", Kind.COUNT, "0"),
    RETRY_MAX_WAIT("retryMaxWaitSeconds", "Longest retry wait (s)", Kind.WAIT, "10");

    private enum Kind { SECONDS, SECONDS_OR_NONE, COUNT, WAIT }

    private static final double DAY = 86_400;

    private final String option;
    private final String caption;
    private final Kind kind;
    private final String byDefault;

    Limit(String option, String caption, Kind kind, String byDefault) {
        this.option = option;
        this.caption = caption;
        this.kind = kind;
        this.byDefault = byDefault;
    }

    /** The option's name in the config file. */
    public String option() {
        return option;
    }

    public String caption() {
        return caption;
    }

    /** ccbridge's value when the field is blank (shown as the field's prompt). */
    public String byDefault() {
        return byDefault;
    }

    /** What is wrong with {@code text}, or empty when it is blank or fine. */
    public Optional<String> error(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (kind) {
            case SECONDS -> number(text, 0, DAY, false, "a number of seconds above 0, at most a day (86400)");
            case SECONDS_OR_NONE -> number(text, 0, DAY, true, "a number of seconds up to a day (86400); 0 for no limit");
            case WAIT -> number(text, 0, 600, true, "a number of seconds from 0 to 600");
            case COUNT -> count(text);
        };
    }

    private static Optional<String> number(String text, double min, double max, boolean minAllowed, String expected) {
        try {
            double value = Double.parseDouble(text.strip());
            boolean above = minAllowed ? value >= min : value > min;
            return above && value <= max ? Optional.empty() : Optional.of("use " + expected);
        } catch (NumberFormatException e) {
            return Optional.of("use " + expected);
        }
    }

    private static Optional<String> count(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value >= 0 && value <= 10 ? Optional.empty() : Optional.of("use a whole number from 0 to 10");
        } catch (NumberFormatException e) {
            return Optional.of("use a whole number from 0 to 10");
        }
    }
}
