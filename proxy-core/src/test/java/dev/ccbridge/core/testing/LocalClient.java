package dev.ccbridge.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests to a gateway another process runs ({@code ./ccbridge serve}), as Claude Code sends them. */
public final class LocalClient {
    /** A small non-streaming request, as Claude Code sends it. */
    public static final String SMALL_REQUEST = "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Reply with: pong\"}]}";

    private LocalClient() {}

    /** A loopback port nothing listens on right now. */
    public static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #SMALL_REQUEST} to the root URL with this token. */
    public static HttpResponse<String> ask(int port, String token) {
        return ask(port, token, SMALL_REQUEST);
    }

    /** A messages request to the root URL with this token as Claude Code's bearer token. */
    public static HttpResponse<String> ask(int port, String token, String body) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("User-Agent", "claude-cli/test")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
