package dev.ccbridge.core.pricing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.protocol.anthropic.Usage;
import java.util.Optional;

/**
 * What tokens cost, in US dollars per million tokens. A price left out (null) is unknown, never
 * free: a cost needs at least {@code input} and {@code output}; cache reads and writes without a
 * price of their own are charged as input.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Price(Double input, Double output, Double cacheRead, Double cacheWrite) {
    public static final Price NONE = new Price(null, null, null, null);
    public static final Price FREE = new Price(0.0, 0.0, 0.0, 0.0);

    /**
     * Reads a price as the config file writes it ({@code {"input": 0.28, "output": 0.42}}). A value
     * that is not a number of at least zero counts as not given, so a typo never breaks the file.
     */
    @JsonCreator
    public static Price read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return NONE;
        }
        return new Price(number(node, "input"), number(node, "output"), number(node, "cacheRead"),
                number(node, "cacheWrite"));
    }

    /** Whether a cost can be computed: input and output are known. */
    @JsonIgnore
    public boolean complete() {
        return input != null && output != null;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** These prices where given, {@code base}'s for the rest: an override over the bundled table. */
    public Price over(Price base) {
        return new Price(input != null ? input : base.input, output != null ? output : base.output,
                cacheRead != null ? cacheRead : base.cacheRead, cacheWrite != null ? cacheWrite : base.cacheWrite);
    }

    /** What {@code usage} costs in US dollars; empty when input or output price is unknown. */
    public Optional<Double> cost(Usage usage) {
        if (!complete() || usage == null) {
            return Optional.empty();
        }
        double read = cacheRead != null ? cacheRead : input;
        double write = cacheWrite != null ? cacheWrite : input;
        return Optional.of((usage.inputTokens() * input + usage.outputTokens() * output
                + usage.cacheReadInputTokens() * read + usage.cacheCreationInputTokens() * write) / 1_000_000.0);
    }

    /** The prices in words: {@code input 5, output 30, cache read 0.5, cache write -}; {@code -} for none. */
    public String describe() {
        if (isEmpty()) {
            return "-";
        }
        return "input " + words(input) + ", output " + words(output) + ", cache read " + words(cacheRead)
                + ", cache write " + words(cacheWrite);
    }

    private static String words(Double value) {
        if (value == null) {
            return "-";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            return null;
        }
        double number = value.asDouble();
        return number >= 0 && Double.isFinite(number) ? number : null;
    }
}
