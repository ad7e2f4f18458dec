package dev.ccbridge.core.server;

import java.time.Duration;

/**
 * How the local server listens.
 *
 * @param port            0 picks a free port (tests)
 * @param maxRequestBytes larger bodies get 413 {@code request_too_large}; Anthropic's own limit is 32 MB
 * @param pingInterval    silence after which a stream gets a {@code ping}
 * @param idleTimeout     a connection with no traffic at all is closed after this (above Claude Code's 10 min)
 * @param maxThreads      bound on concurrent requests (virtual threads)
 * @param bodyBudget      bytes of request bodies held at once ({@link BodyBudget}); 0: what the heap allows
 * @param budgetWait      how long a request waits in line for room in the budget before a 529
 */
public record ServerSettings(String host, int port, long maxRequestBytes, Duration pingInterval,
                             Duration idleTimeout, int maxThreads, long bodyBudget, Duration budgetWait) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final long DEFAULT_MAX_REQUEST_BYTES = 32L * 1024 * 1024;

    public static ServerSettings onPort(int port) {
        return new ServerSettings(LOOPBACK, port, DEFAULT_MAX_REQUEST_BYTES, Duration.ofSeconds(10),
                Duration.ofMinutes(15), 4096, 0, BodyBudget.DEFAULT_WAIT);
    }

    /** The port and the limits of the config file's {@code "limits"} (see {@link RequestLimits}). */
    public static ServerSettings of(int port, RequestLimits limits) {
        return onPort(port).withMaxRequestBytes(limits.maxRequestBytes()).withBodyBudget(limits.bodyBudgetBytes());
    }

    public ServerSettings withPingInterval(Duration interval) {
        return new ServerSettings(host, port, maxRequestBytes, interval, idleTimeout, maxThreads, bodyBudget,
                budgetWait);
    }

    public ServerSettings withMaxRequestBytes(long bytes) {
        return new ServerSettings(host, port, bytes, pingInterval, idleTimeout, maxThreads, bodyBudget, budgetWait);
    }

    /** @param bytes 0 for what the heap allows */
    public ServerSettings withBodyBudget(long bytes) {
        return new ServerSettings(host, port, maxRequestBytes, pingInterval, idleTimeout, maxThreads, bytes,
                budgetWait);
    }

    public ServerSettings withBudgetWait(Duration wait) {
        return new ServerSettings(host, port, maxRequestBytes, pingInterval, idleTimeout, maxThreads, bodyBudget,
                wait);
    }

    /** The budget in effect: the one set, else what this JVM's heap allows. */
    public long effectiveBodyBudget() {
        return bodyBudget > 0 ? bodyBudget : BodyBudget.forThisHeap();
    }
}
