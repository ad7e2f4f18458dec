package dev.ccbridge.core.upstream.http;

import dev.ccbridge.core.Version;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.target.Timeouts;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.UpstreamFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.AbstractConnectionPool;
import org.eclipse.jetty.client.ByteBufferRequestContent;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The only code that talks HTTP to providers: one shared Jetty {@link HttpClient} (connections
 * pooled and reused), responses read as they arrive, each call's time limits enforced by a
 * {@link CallWatch}, and abort on cancellation. A response not read to its end is aborted, so a
 * half-read connection never goes back to the pool.
 */
public final class HttpTransport implements AutoCloseable {
    /** How often the time limits of running calls are checked. */
    private static final long WATCH_TICK_MILLIS = 100;
    /** Jetty's own idle limit stays above ours, a backstop for a connection stalled while we write to a slow client. */
    private static final long BACKSTOP_MILLIS = 60_000;

    private final HttpClient client;
    private final Set<CallWatch> watches = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ccbridge-upstream-timer").factory());

    /** Connections to providers right now: open in total, and busy with a call. */
    public record Connections(int open, int active) {}

    public HttpTransport() {
        var http1 = new HttpClientTransportOverHTTP();
        // No per-connection cache of parsed header fields: ~17 KB of tables on every connection
        // (Jetty's default of 1024 entries), hundreds of connections with hundreds of streams.
        http1.setHeaderCacheSize(0);
        client = new HttpClient(http1);
        // Virtual threads: the client's tasks are short, and hundreds of streams must not mean hundreds
        // of platform threads (a soak run grew a thread pool to its cap of 200 otherwise).
        var threads = new VirtualThreadPool();
        threads.setName("ccbridge-upstream");
        client.setExecutor(threads);
        client.setFollowRedirects(false);
        client.setMaxConnectionsPerDestination(1024);
        client.setMaxRequestsQueuedPerDestination(4096);
        client.setConnectTimeout(Timeouts.CONNECT.toMillis());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "ccbridge/" + Version.current()));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client", e);
        }
        // A provider's 401 is an answer to report, not a challenge to handle (start() installs these).
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        timer.scheduleWithFixedDelay(this::checkWatches, WATCH_TICK_MILLIS, WATCH_TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends the call and waits for the response headers.
     *
     * @throws UpstreamFailure when the provider cannot be reached or is too slow to answer
     */
    public UpstreamResponse send(HttpCall call, Cancellation cancellation, String targetName)
            throws UpstreamFailure {
        Timeouts timeouts = call.timeouts();
        long longest = Math.max(timeouts.firstByte().toMillis(), timeouts.idle().toMillis());
        Request request = client.newRequest(call.uri())
                .method(call.method())
                .idleTimeout(longest + BACKSTOP_MILLIS, TimeUnit.MILLISECONDS)
                .headers(headers -> {
                    // Decoded gzip SSE arrives in bursts or corrupted: ask for plain bytes.
                    headers.put(HttpHeader.ACCEPT_ENCODING, "identity");
                    call.headers().forEach(headers::put);
                });
        if (call.body() != null) {
            String type = call.headers().getOrDefault("Content-Type", "application/json");
            request.body(new ByteBufferRequestContent(type, call.body()));
        }
        var watch = new CallWatch(timeouts, request::abort);
        watches.add(watch);
        var listener = new PulledResponse();
        request.send(listener);
        Runnable abort = () -> request.abort(new CancellationException("the client went away"));
        cancellation.onCancel(abort);
        boolean answered = false;
        try {
            // The watch enforces the first-byte limit; the wait here is only a backstop.
            PulledResponse.Head head = listener.head().get(timeouts.firstByte().toMillis() + BACKSTOP_MILLIS,
                    TimeUnit.MILLISECONDS);
            watch.headersArrived();
            Response response = head.response();
            Map<String, String> headers = new HashMap<>();
            response.getHeaders().forEach(field -> headers.putIfAbsent(field.getLowerCaseName(), field.getValue()));
            answered = true;
            return new UpstreamResponse(response.getStatus(), headers, Content.Source.asInputStream(head.body()), abort,
                    watch, () -> release(watch));
        } catch (TimeoutException e) {
            abort.run();
            throw new UpstreamFailure(ApiError.silent(new UpstreamTimeout(UpstreamTimeout.Limit.FIRST_BYTE,
                    timeouts.firstByte()).describe(targetName)));
        } catch (InterruptedException e) {
            abort.run();
            Thread.currentThread().interrupt();
            throw new UpstreamFailure(ApiError.api(500, "interrupted while waiting for " + targetName));
        } catch (ExecutionException e) {
            throw new UpstreamFailure(unreachable(e.getCause(), call, targetName));
        } finally {
            if (!answered) {
                watch.end();
                watches.remove(watch);
            }
        }
    }

    /** Why a call failed before its response headers: a time limit, or why the provider could not be reached. */
    static ApiError unreachable(Throwable cause, HttpCall call, String targetName) {
        UpstreamTimeout timeout = UpstreamTimeout.in(cause);
        if (timeout != null) {
            return ApiError.silent(timeout.describe(targetName));
        }
        // Host and port only: the URL's path or query, or user info, may carry a key.
        String where = call.uri().getScheme() + "://" + call.uri().getHost()
                + (call.uri().getPort() < 0 ? "" : ":" + call.uri().getPort());
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root && !isConnectFailure(root)) {
            root = root.getCause();
        }
        String reason = switch (root) {
            case ConnectException c -> "connection refused";
            case NoRouteToHostException n -> "no route to host";
            case UnknownHostException u -> "unknown host";
            case UnresolvedAddressException u -> "unknown host";
            case SSLException s -> "TLS handshake failed (" + Redactor.patternsOnly().redact(s.getMessage()) + ")";
            case SocketTimeoutException t -> "no connection within " + Timeouts.CONNECT.toSeconds() + " s";
            case TimeoutException t -> "no connection within " + Timeouts.CONNECT.toSeconds() + " s";
            case CancellationException c -> "cancelled";
            case IOException io -> "the connection broke before an answer (" + brokenConnection(io) + ")";
            default -> root.getMessage() == null ? root.getClass().getSimpleName()
                    : root.getMessage().toLowerCase(Locale.ROOT);
        };
        String message = Redactor.patternsOnly().redact("could not reach " + targetName + " at " + where + ": " + reason);
        return ApiError.unreachable(root instanceof TimeoutException || root instanceof SocketTimeoutException ? 504 : 502,
                message);
    }

    private static boolean isConnectFailure(Throwable t) {
        return t instanceof ConnectException || t instanceof UnknownHostException || t instanceof SSLException
                || t instanceof TimeoutException || t instanceof SocketTimeoutException
                || t instanceof NoRouteToHostException;
    }

    /** Why reading an answer failed: a time limit (504), or a broken connection (502). */
    public static ApiError readFailure(IOException e, String targetName) {
        UpstreamTimeout timeout = UpstreamTimeout.in(e);
        if (timeout != null) {
            return ApiError.silent(timeout.describe(targetName));
        }
        return ApiError.unreachable(502, Redactor.patternsOnly().redact("the connection to " + targetName
                + " broke: " + brokenConnection(e)));
    }

    /** A broken connection in words: Jetty's own messages describe its internal objects. */
    static String brokenConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("reset")) {
                return "connection reset";
            }
            if (t instanceof java.io.EOFException || message.contains("closed") || message.contains("eof")) {
                return "the provider closed the connection mid-answer";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() || message.contains("@") ? root.getClass().getSimpleName()
                : message.toLowerCase(Locale.ROOT);
    }

    /** Connections to providers right now (for leak checks and the soak run). */
    public Connections connections() {
        int open = 0;
        int active = 0;
        for (Destination destination : client.getDestinations()) {
            if (destination.getConnectionPool() instanceof AbstractConnectionPool pool) {
                open += pool.getConnectionCount();
                active += pool.getActiveConnectionCount();
            }
        }
        return new Connections(open, active);
    }

    /** Calls whose time limits are being watched: one per call waiting for or reading an answer. */
    public int callsInFlight() {
        return watches.size();
    }

    private void release(CallWatch watch) {
        watch.end();
        watches.remove(watch);
    }

    private void checkWatches() {
        long now = System.nanoTime();
        for (CallWatch watch : watches) {
            try {
                if (!watch.check(now) && watch.isOver()) {
                    watches.remove(watch);
                }
            } catch (RuntimeException e) {
                watches.remove(watch); // an abort that throws must not stop the timer for every other call
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
