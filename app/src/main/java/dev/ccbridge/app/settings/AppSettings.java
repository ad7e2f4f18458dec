package dev.ccbridge.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.HistoryLimits;
import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.target.GatewayConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The app's own settings, kept in the one config file under {@code "app"} (the core keeps fields
 * it does not know). The port is the core's own {@code port} field.
 *
 * @param startServing  start the gateway when the app starts
 * @param logSize       requests kept in the live log and in the history ({@link HistoryLimits}, shared
 *                      with the command line)
 * @param historyDays   days of history and usage kept
 */
public record AppSettings(boolean startServing, int logSize, int historyDays, Theme theme) {
    public static final String FIELD = HistoryLimits.FIELD;
    public static final AppSettings DEFAULTS = new AppSettings(true, HistoryLimits.DEFAULT.maxEntries(),
            HistoryLimits.DEFAULT.days(), Theme.SYSTEM);
    public static final int MIN_LOG_SIZE = HistoryLimits.MIN_ENTRIES;
    public static final int MAX_LOG_SIZE = HistoryLimits.MAX_ENTRIES;

    public enum Theme {
        SYSTEM("Follow the system"), LIGHT("Light"), DARK("Dark");

        private final String label;

        Theme(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static AppSettings of(GatewayConfig config) {
        JsonNode node = config.extra().get(FIELD);
        if (node == null || !node.isObject()) {
            return DEFAULTS;
        }
        RequestStore.Retention history = HistoryLimits.of(node);
        return new AppSettings(node.path("startServing").asBoolean(DEFAULTS.startServing), history.maxEntries(),
                history.days(), theme(node.path("theme").asText("")));
    }

    /** The config with these settings in it; everything else unchanged. */
    public GatewayConfig applyTo(GatewayConfig config) {
        ObjectNode node = Json.object();
        node.put("startServing", startServing);
        node.put("logSize", logSize);
        node.put("historyDays", historyDays);
        node.put("theme", theme.name().toLowerCase(Locale.ROOT));
        Map<String, JsonNode> extra = new LinkedHashMap<>(config.extra());
        extra.put(FIELD, node);
        return config.withExtra(extra);
    }

    private static Theme theme(String name) {
        for (Theme theme : Theme.values()) {
            if (theme.name().equalsIgnoreCase(name)) {
                return theme;
            }
        }
        return DEFAULTS.theme;
    }
}
