package dev.ccbridge.core.upstream.bedrock;

import dev.ccbridge.core.target.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.StaticTokenProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSupplier;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.auth.scheme.BedrockRuntimeAuthSchemeProvider;

/**
 * The AWS SDK clients for Bedrock, one per (region, endpoint, credentials), made on first use and
 * kept: a client holds credential caches and connection pools worth reusing. All share one
 * HTTP client and its threads, which start only when a Bedrock target is first used.
 *
 * <p>The SDK does not retry: Claude Code retries on its own, and a retry inside ccbridge would
 * only multiply its waiting.
 */
public final class BedrockClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BedrockClients.class);
    private static final int MAX_CLIENTS = 32;
    private static final int MAX_CONNECTIONS = 256;

    private final Supplier<ProfileFile> profiles;
    private final Map<String, BedrockRuntimeAsyncClient> clients = new LinkedHashMap<>(16, 0.75f, true);
    private SdkEventLoopGroup threads;
    private SdkAsyncHttpClient http;
    private boolean closed;

    /** Clients reading the user's AWS config and credentials files (reloaded when they change). */
    public BedrockClients() {
        this(userProfiles());
    }

    /** The user's files, first read when a Bedrock target is used: a broken file must not stop the gateway. */
    private static Supplier<ProfileFile> userProfiles() {
        var files = new AtomicReference<ProfileFileSupplier>();
        return () -> files.updateAndGet(f -> f != null ? f : ProfileFileSupplier.defaultSupplier()).get();
    }

    /** @param profiles the shared AWS config and credentials files (tests pass their own) */
    public BedrockClients(Supplier<ProfileFile> profiles) {
        this.profiles = profiles;
    }

    public Supplier<ProfileFile> profiles() {
        return profiles;
    }

    public synchronized BedrockRuntimeAsyncClient clientFor(BedrockSettings settings) {
        if (closed) {
            throw new IllegalStateException("Bedrock clients are closed");
        }
        BedrockRuntimeAsyncClient client = clients.get(settings.clientKey());
        if (client == null) {
            client = build(settings);
            clients.put(settings.clientKey(), client);
            evictOldest();
        }
        return client;
    }

    /** Forgets a client whose credentials failed, so the next request loads them afresh (after a new SSO login, say). */
    public synchronized void forget(BedrockSettings settings) {
        BedrockRuntimeAsyncClient client = clients.remove(settings.clientKey());
        if (client != null) {
            client.close();
        }
    }

    private void evictOldest() {
        while (clients.size() > MAX_CLIENTS) {
            var eldest = clients.entrySet().iterator().next();
            clients.remove(eldest.getKey());
            eldest.getValue().close();
        }
    }

    private BedrockRuntimeAsyncClient build(BedrockSettings settings) {
        BedrockRuntimeAsyncClientBuilder builder = BedrockRuntimeAsyncClient.builder()
                .region(Region.of(settings.region()))
                .httpClient(http())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        // The auth scheme is always chosen here, so AWS_BEARER_TOKEN_BEDROCK cannot switch it behind our back.
        switch (settings.auth()) {
            case BedrockSettings.ApiKey key -> builder
                    .tokenProvider(StaticTokenProvider.create(key::token))
                    .authSchemeProvider(BedrockRuntimeAuthSchemeProvider.defaultProvider(List.of("httpBearerAuth")));
            case BedrockSettings.Profile profile -> builder
                    .credentialsProvider(profileCredentials(profile.name()))
                    .authSchemeProvider(BedrockRuntimeAuthSchemeProvider.defaultProvider(List.of("sigv4")));
            case BedrockSettings.DefaultChain chain -> builder
                    .credentialsProvider(defaultChain())
                    .authSchemeProvider(BedrockRuntimeAuthSchemeProvider.defaultProvider(List.of("sigv4")));
        }
        LOG.debug("Bedrock client for {} ({}, {})", settings.region(),
                settings.endpoint() == null ? "public endpoint" : settings.endpoint(), settings.auth().cacheKey());
        return builder.build();
    }

    private AwsCredentialsProvider profileCredentials(String name) {
        return ProfileCredentialsProvider.builder().profileFile(profiles).profileName(name).build();
    }

    private AwsCredentialsProvider defaultChain() {
        return DefaultCredentialsProvider.builder().profileFile(profiles).build();
    }

    private SdkAsyncHttpClient http() {
        if (http == null) {
            threads = SdkEventLoopGroup.builder().threadFactory(runnable -> {
                Thread thread = new Thread(runnable, "ccbridge-bedrock");
                thread.setDaemon(true);
                return thread;
            }).build();
            http = NettyNioAsyncHttpClient.builder()
                    .eventLoopGroup(threads)
                    // HTTP/1.1 on plain-http endpoints too: the default would try h2c, which local
                    // gateways and test servers do not speak. Real Bedrock is fine either way.
                    .protocol(Protocol.HTTP1_1)
                    .maxConcurrency(MAX_CONNECTIONS)
                    .connectionTimeout(Timeouts.CONNECT)
                    // Idle and first-byte limits are kept per target by the reader, not here.
                    .readTimeout(Duration.ZERO)
                    .build();
        }
        return http;
    }

    @Override
    public synchronized void close() {
        closed = true;
        List<BedrockRuntimeAsyncClient> open = new ArrayList<>(clients.values());
        clients.clear();
        open.forEach(BedrockRuntimeAsyncClient::close);
        if (http != null) {
            http.close();
            threads.eventLoopGroup().shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }
}
