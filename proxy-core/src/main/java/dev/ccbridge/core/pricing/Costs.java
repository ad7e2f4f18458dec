package dev.ccbridge.core.pricing;

import dev.ccbridge.core.protocol.anthropic.Usage;
import java.util.Optional;

/**
 * What a request cost: its usage at its model's price. The price is a target's own
 * ({@code "pricing"}, field by field) over the bundled table's; without an input and an output
 * price there is no cost, never a guessed one.
 */
public final class Costs {
    private static final Costs BUILT_IN = new Costs(PriceTable.builtIn());

    private final PriceTable table;

    public Costs(PriceTable table) {
        this.table = table;
    }

    public static Costs builtIn() {
        return BUILT_IN;
    }

    /**
     * The cost in US dollars of {@code usage} answered by {@code model} at {@code provider}, with
     * the target's own prices {@code override} (null: none); empty when no price is known.
     */
    public Optional<Double> of(String provider, Price override, String model, Usage usage) {
        if (usage == null) {
            return Optional.empty();
        }
        return priceOf(provider, override, model, usage).cost(usage);
    }

    /** The prices that apply to such a request: the override's, then the table's. */
    public Price priceOf(String provider, Price override, String model, Usage usage) {
        Price bundled = table.find(provider, model).map(match -> match.priceFor(usage)).orElse(Price.NONE);
        return override == null ? bundled : override.over(bundled);
    }

    /** The bundled prices of a model, for showing where a price comes from. */
    public Optional<PriceMatch> bundled(String provider, String model) {
        return table.find(provider, model);
    }
}
