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
 */
public record ServerSettings(String host, int port, long maxRequestBytes, Duration pingInterval,
                             Duration idleTimeout, int maxThreads) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final long DEFAULT_MAX_REQUEST_BYTES = 32L * 1024 * 1024;

    public static ServerSettings onPort(int port) {
        return new ServerSettings(LOOPBACK, port, DEFAULT_MAX_REQUEST_BYTES, Duration.ofSeconds(10),
                Duration.ofMinutes(15), 4096);
    }

    public ServerSettings withPingInterval(Duration interval) {
        return new ServerSettings(host, port, maxRequestBytes, interval, idleTimeout, maxThreads);
    }

    public ServerSettings withMaxRequestBytes(long bytes) {
        return new ServerSettings(host, port, bytes, pingInterval, idleTimeout, maxThreads);
    }
}
