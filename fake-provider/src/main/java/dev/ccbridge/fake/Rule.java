package dev.ccbridge.fake;

import java.util.Optional;
import java.util.function.Function;

/**
 * One documented rule of a provider: a request that breaks it gets the provider's own refusal
 * (status, body, headers), word for word where the provider's wording is known.
 *
 * @param name what the rule demands, for test names and failure messages
 */
public record Rule(String name, Function<Received, Optional<Reply>> check) {
    public Optional<Reply> refusal(Received request) {
        return check.apply(request);
    }

    @Override
    public String toString() {
        return name;
    }
}
