package dev.ccbridge.app.targets;

import dev.ccbridge.core.pricing.Price;
import dev.ccbridge.core.target.Target;

/**
 * A target's own prices as the editor shows them, in US dollars per million tokens, kept in the
 * target's {@code pricing} field; they count over the bundled prices ({@code Costs}). A missing
 * price counts as unknown, not free.
 */
public record Pricing(Double input, Double output, Double cacheRead, Double cacheWrite) {
    public static final Pricing NONE = new Pricing(null, null, null, null);

    public static Pricing of(Target target) {
        Price own = target.pricing();
        return own == null ? NONE : new Pricing(own.input(), own.output(), own.cacheRead(), own.cacheWrite());
    }

    /** The target with these prices (none: the field removed). */
    public Target applyTo(Target target) {
        return target.toBuilder().pricing(new Price(input, output, cacheRead, cacheWrite)).build();
    }
}
