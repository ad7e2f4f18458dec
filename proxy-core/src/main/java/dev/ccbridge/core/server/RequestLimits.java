package dev.ccbridge.core.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.GatewayConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How large a request may be and how many bytes of request bodies the gateway holds at once,
 * kept in the config file under {@code "limits"}: {@code {"maxRequestMiB": 32, "bodiesInFlightMiB": 64}}.
 * A field left out takes its default: Anthropic's own 32 MiB limit, and the budget this JVM's heap
 * allows ({@link BodyBudget#forHeap}). Set in the app's Settings or by editing the file; a running
 * gateway takes them when it (re)starts.
 *
 * @param maxRequestMiB     null for the default
 * @param bodiesInFlightMiB null for what the heap allows
 */
public record RequestLimits(Integer maxRequestMiB, Integer bodiesInFlightMiB) {
    public static final String FIELD = "limits";
    public static final int DEFAULT_MAX_REQUEST_MIB = (int) (ServerSettings.DEFAULT_MAX_REQUEST_BYTES >> 20);
    public static final int MIN_MIB = 1;
    public static final int MAX_MIB = 4096;
    public static final RequestLimits DEFAULTS = new RequestLimits(null, null);
    private static final long MIB = 1024 * 1024;

    public RequestLimits {
        maxRequestMiB = inRange(maxRequestMiB);
        bodiesInFlightMiB = inRange(bodiesInFlightMiB);
    }

    public static RequestLimits of(GatewayConfig config) {
        JsonNode node = config.extra().get(FIELD);
        if (node == null || !node.isObject()) {
            return DEFAULTS;
        }
        return new RequestLimits(mib(node.get("maxRequestMiB")), mib(node.get("bodiesInFlightMiB")));
    }

    /** The config with these limits in it (none when both are defaults); everything else unchanged. */
    public GatewayConfig applyTo(GatewayConfig config) {
        Map<String, JsonNode> extra = new LinkedHashMap<>(config.extra());
        if (equals(DEFAULTS)) {
            extra.remove(FIELD);
        } else {
            ObjectNode node = Json.object();
            if (maxRequestMiB != null) {
                node.put("maxRequestMiB", maxRequestMiB);
            }
            if (bodiesInFlightMiB != null) {
                node.put("bodiesInFlightMiB", bodiesInFlightMiB);
            }
            extra.put(FIELD, node);
        }
        return config.withExtra(extra);
    }

    public long maxRequestBytes() {
        return (maxRequestMiB == null ? DEFAULT_MAX_REQUEST_MIB : maxRequestMiB) * MIB;
    }

    /** The budget set, or 0 for what the heap allows. */
    public long bodyBudgetBytes() {
        return bodiesInFlightMiB == null ? 0 : bodiesInFlightMiB * MIB;
    }

    /** The budget this JVM would use without a setting, in MiB (for a hint beside the field). */
    public static int defaultBodiesInFlightMiB() {
        return (int) (BodyBudget.forThisHeap() / MIB);
    }

    private static Integer mib(JsonNode value) {
        return value != null && value.canConvertToInt() ? value.asInt() : null;
    }

    private static Integer inRange(Integer mib) {
        return mib == null || mib <= 0 ? null : Math.min(MAX_MIB, mib);
    }
}
