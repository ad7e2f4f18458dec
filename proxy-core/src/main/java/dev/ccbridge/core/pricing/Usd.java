package dev.ccbridge.core.pricing;

import java.util.Locale;

/** US dollar amounts as ccbridge shows them: cents for dollars, more digits for the fractions a request costs. */
public final class Usd {
    private Usd() {}

    /** {@code $12.34}, {@code $0.0123}, {@code $0.000123}; a cost not known is {@code -}. */
    public static String format(Double amount) {
        if (amount == null) {
            return "-";
        }
        double value = amount;
        String pattern = value == 0 || value >= 1 ? "$%.2f" : value >= 0.01 ? "$%.4f" : "$%.6f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
