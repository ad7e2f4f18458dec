package dev.ccbridge.core.testing;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.server.PortInUseException;
import dev.ccbridge.core.server.GatewayServer;
import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real gateway on a free loopback port, with an in-memory config and key store, and a real
 * HTTP client speaking to it as Claude Code does.
 */
public final class GatewayHarness implements AutoCloseable {
    public static final String KEY = "sk-test-upstream-key-0123456789";

    public final TargetRegistry registry;
    public final InMemorySecretStore secrets = new InMemorySecretStore();
    public final RequestLog log = new RequestLog();
    public final GatewayServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayHarness(TargetRegistry registry, ServerSettings settings) {
        this.registry = registry;
        this.server = new GatewayServer(GatewayContext.standard(registry, secrets, log), settings);
    }

    /** A gateway whose active target is {@code target}, its key stored. */
    public static GatewayHarness start(Target target) {
        return start(target, ServerSettings.onPort(0));
    }

    public static GatewayHarness start(Target target, ServerSettings settings) {
        var registry = new TargetRegistry(new GatewayConfig(0, 0, null, null, List.of(), null), null);
        var harness = new GatewayHarness(registry, settings);
        Target stored = registry.put(target);
        registry.activate(stored.id());
        harness.secrets.put(stored.secretAccount(), KEY);
        try {
            harness.server.start();
        } catch (PortInUseException e) {
            throw new IllegalStateException(e);
        }
        return harness;
    }

    public static Target chatTarget(String baseUrl, String model) {
        return Target.builder().id("upstream").name("Upstream").provider("openai").baseUrl(baseUrl).model(model)
                .apiMode(ApiMode.CHAT_COMPLETIONS)
                .tiers(new ModelTiers(null, null, model + "-mini")).build();
    }

    public Target active() {
        return registry.active().orElseThrow();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** POSTs to the root route with the install token, as Claude Code does. */
    public HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("Authorization", "Bearer " + registry.installToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("x-api-key", registry.installToken())
                .GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient client() {
        return client;
    }

    @Override
    public void close() {
        server.close();
        server.context().upstreams().close();
    }
}
