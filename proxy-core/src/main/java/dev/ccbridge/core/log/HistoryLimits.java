package dev.ccbridge.core.log;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How much request history is kept: set in the app's Settings, saved in the config's {@code "app"}
 * object ({@code logSize}, {@code historyDays}), and obeyed by every front end that writes or
 * prunes the history (the app, {@code serve}, the {@code log} commands), so none of them cuts
 * what another keeps.
 */
public final class HistoryLimits {
    /** The config field that holds them (beside the app's other settings). */
    public static final String FIELD = "app";
    public static final int MIN_ENTRIES = 50;
    public static final int MAX_ENTRIES = 100_000;
    public static final int MAX_DAYS = 3650;
    public static final RequestStore.Retention DEFAULT = new RequestStore.Retention(1000, 90);

    private HistoryLimits() {}

    /** The limits in the config's {@code "app"} object (null or missing fields: the defaults). */
    public static RequestStore.Retention of(JsonNode appSettings) {
        if (appSettings == null || !appSettings.isObject()) {
            return DEFAULT;
        }
        return new RequestStore.Retention(
                clamp(appSettings.path("logSize").asInt(DEFAULT.maxEntries()), MIN_ENTRIES, MAX_ENTRIES),
                clamp(appSettings.path("historyDays").asInt(DEFAULT.days()), 1, MAX_DAYS));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
