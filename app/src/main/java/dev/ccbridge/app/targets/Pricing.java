package dev.ccbridge.app.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.target.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a target's tokens cost, in US dollars per million tokens, kept in the target's
 * {@code pricing} field. A missing price counts as unknown, not free: cost is shown only when
 * input and output prices are given.
 */
public record Pricing(Double input, Double output, Double cacheRead, Double cacheWrite) {
    public static final String FIELD = "pricing";
    public static final Pricing NONE = new Pricing(null, null, null, null);

    public static Pricing of(Target target) {
        JsonNode node = target.extra().get(FIELD);
        if (node == null || !node.isObject()) {
            return NONE;
        }
        return new Pricing(number(node, "input"), number(node, "output"), number(node, "cacheRead"),
                number(node, "cacheWrite"));
    }

    public boolean known() {
        return input != null && output != null;
    }

    /** The cost of this much usage; empty when the prices are not known. */
    public Optional<Double> cost(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens) {
        if (!known()) {
            return Optional.empty();
        }
        double readPrice = cacheRead != null ? cacheRead : input;
        double writePrice = cacheWrite != null ? cacheWrite : input;
        return Optional.of((inputTokens * input + outputTokens * output + cacheReadTokens * readPrice
                + cacheWriteTokens * writePrice) / 1_000_000.0);
    }

    public Optional<Double> cost(Usage usage) {
        return cost(usage.inputTokens(), usage.outputTokens(), usage.cacheReadInputTokens(),
                usage.cacheCreationInputTokens());
    }

    /** The target with these prices (none: the field removed). */
    public Target applyTo(Target target) {
        Map<String, JsonNode> extra = new LinkedHashMap<>(target.extra());
        if (this.equals(NONE)) {
            extra.remove(FIELD);
        } else {
            ObjectNode node = Json.object();
            put(node, "input", input);
            put(node, "output", output);
            put(node, "cacheRead", cacheRead);
            put(node, "cacheWrite", cacheWrite);
            extra.put(FIELD, node);
        }
        return target.toBuilder().extra(extra).build();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    private static void put(ObjectNode node, String field, Double value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
