package dev.ccbridge.core.pricing;

import dev.ccbridge.core.protocol.anthropic.Usage;
import java.time.LocalDate;
import java.util.List;

/**
 * One model's prices in the bundled table, with where they were read and when.
 *
 * @param model      the provider's model id
 * @param aliases    other ids the provider bills at these prices (a retired name it still serves)
 * @param price      the standard prices
 * @param longPrompt higher prices for a whole request whose prompt is longer than a threshold, or null
 * @param source     the page the prices were read from
 * @param checked    the day they were read there
 */
public record PriceEntry(String model, List<String> aliases, Price price, LongPrompt longPrompt, String source,
                         LocalDate checked) {

    /**
     * Prices for a request whose prompt (input, cache reads and writes together) has more than
     * {@code above} tokens: the provider bills the whole request at them (OpenAI above 272K,
     * Gemini 2.5 Pro above 200K).
     */
    public record LongPrompt(long above, Price price) {}

    public PriceEntry {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** Every id these prices are for: the model, then its aliases. */
    public List<String> ids() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(model), aliases.stream()).toList();
    }

    /** The prices that apply to a request with this usage. */
    public Price priceFor(Usage usage) {
        if (longPrompt != null && usage != null && usage.promptTotal() > longPrompt.above()) {
            return longPrompt.price().over(price);
        }
        return price;
    }
}
