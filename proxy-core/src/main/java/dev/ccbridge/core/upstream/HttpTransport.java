package dev.ccbridge.core.upstream;

import dev.ccbridge.core.Version;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The only code that talks HTTP to providers: one shared Jetty {@link HttpClient} (connections
 * pooled and reused), responses read as they arrive, timeouts per call, and abort on cancellation.
 */
public final class HttpTransport implements AutoCloseable {
    private final HttpClient client;

    public HttpTransport() {
        client = new HttpClient();
        var threads = new QueuedThreadPool();
        threads.setName("ccbridge-upstream");
        threads.setDaemon(true);
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
    }

    /**
     * Sends the call and waits for the response headers.
     *
     * @throws UpstreamUnavailableException when the provider cannot be reached or is too slow to answer
     */
    public UpstreamResponse send(HttpCall call, Cancellation cancellation, String targetName)
            throws UpstreamUnavailableException {
        Timeouts timeouts = call.timeouts();
        Request request = client.newRequest(call.uri())
                .method(call.method())
                .idleTimeout(timeouts.idle().toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> {
                    // Decoded gzip SSE arrives in bursts or corrupted: ask for plain bytes.
                    headers.put(HttpHeader.ACCEPT_ENCODING, "identity");
                    call.headers().forEach(headers::put);
                });
        if (!timeouts.total().isZero()) {
            request.timeout(timeouts.total().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (call.body() != null) {
            String type = call.headers().getOrDefault("Content-Type", "application/json");
            request.body(new BytesRequestContent(type, call.body()));
        }
        var listener = new PulledResponse();
        request.send(listener);
        Runnable abort = () -> request.abort(new CancellationException("the client went away"));
        cancellation.onCancel(abort);
        try {
            PulledResponse.Head head = listener.head().get(timeouts.firstByte().toMillis(), TimeUnit.MILLISECONDS);
            Response response = head.response();
            Map<String, String> headers = new HashMap<>();
            response.getHeaders().forEach(field -> headers.putIfAbsent(field.getLowerCaseName(), field.getValue()));
            return new UpstreamResponse(response.getStatus(), headers, Content.Source.asInputStream(head.body()),
                    abort);
        } catch (TimeoutException e) {
            abort.run();
            throw new UpstreamUnavailableException(ApiError.api(504, targetName + " did not answer within "
                    + timeouts.firstByte().toSeconds() + " s"));
        } catch (InterruptedException e) {
            abort.run();
            Thread.currentThread().interrupt();
            throw new UpstreamUnavailableException(ApiError.api(500, "interrupted while waiting for " + targetName));
        } catch (ExecutionException e) {
            throw new UpstreamUnavailableException(unreachable(e.getCause(), call, targetName, timeouts));
        }
    }

    static ApiError unreachable(Throwable cause, HttpCall call, String targetName, Timeouts timeouts) {
        String where = call.uri().getScheme() + "://" + call.uri().getAuthority();
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof ConnectException || root instanceof UnknownHostException
                    || root instanceof SSLException || root instanceof TimeoutException) {
                break;
            }
            root = root.getCause();
        }
        String reason = switch (root) {
            case ConnectException c -> "connection refused";
            case UnknownHostException u -> "unknown host";
            case UnresolvedAddressException u -> "unknown host";
            case SSLException s -> "TLS handshake failed (" + s.getMessage() + ")";
            case TimeoutException t -> "no connection within " + Timeouts.CONNECT.toSeconds() + " s";
            case CancellationException c -> "cancelled";
            default -> root.getMessage() == null ? root.getClass().getSimpleName()
                    : root.getMessage().toLowerCase(Locale.ROOT);
        };
        if (root instanceof TimeoutException) {
            return ApiError.api(504, "could not reach " + targetName + " at " + where + ": " + reason);
        }
        return ApiError.api(502, "could not reach " + targetName + " at " + where + ": " + reason);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a read failure was the idle timeout (as opposed to a broken connection). */
    static boolean isTimeout(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
