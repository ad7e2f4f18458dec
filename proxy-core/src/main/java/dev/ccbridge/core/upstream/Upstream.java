package dev.ccbridge.core.upstream;

/**
 * One upstream protocol (an {@code apiMode}). Sends the exchange's request to the provider and
 * reports the answer, or the failure, on the exchange's {@code out}. Blocking: runs on the
 * request's virtual thread. Never throws for provider trouble; every outcome reaches the client.
 */
public interface Upstream {
    void exchange(UpstreamExchange exchange);
}
