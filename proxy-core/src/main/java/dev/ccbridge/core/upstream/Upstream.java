package dev.ccbridge.core.upstream;

import java.util.Optional;

/**
 * One upstream protocol (an {@code apiMode}). Sends the exchange's request to the provider and
 * reports the answer, or the failure, on the exchange's {@code out}. Blocking: runs on the
 * request's virtual thread. Never throws for provider trouble; every outcome reaches the client.
 */
public interface Upstream {
    void exchange(UpstreamExchange exchange);

    /**
     * Counts a request's input tokens upstream, for modes whose provider can. Empty means "count
     * locally": the mode cannot, or the provider does not offer it or cannot be reached.
     */
    default Optional<CountTokensAnswer> countTokens(CountTokensRequest request) {
        return Optional.empty();
    }
}
