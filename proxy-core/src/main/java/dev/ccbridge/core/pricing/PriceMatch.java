package dev.ccbridge.core.pricing;

import dev.ccbridge.core.protocol.anthropic.Usage;

/**
 * The bundled prices found for a model of a provider, and how they were found.
 *
 * @param entry the table's entry; null for a local provider (free)
 */
public record PriceMatch(PriceEntry entry, How how) {

    /** How a model id led to its prices. */
    public enum How {
        /** The id as the table writes it (or one of its aliases). */
        EXACT,
        /** The id after {@link PriceTable#normalise}: case, a vendor prefix, a date or version suffix. */
        NORMALISED,
        /** A router's {@code vendor/model} id, at the vendor's own prices (OpenRouter passes them through). */
        ROUTED,
        /** A server on the user's own machine: no charge. */
        LOCAL
    }

    static PriceMatch local() {
        return new PriceMatch(null, How.LOCAL);
    }

    /** The prices for a request with this usage. */
    public Price priceFor(Usage usage) {
        return entry == null ? Price.FREE : entry.priceFor(usage);
    }

    /** Where the prices come from, in words: "gpt-5.5, from https://... (read 2026-12-07)". */
    public String describe() {
        if (entry == null) {
            return "free (runs on your machine)";
        }
        return entry.model() + (how == How.ROUTED ? " at the vendor's price" : "") + ", from " + entry.source()
                + " (read " + entry.checked() + ")";
    }
}
