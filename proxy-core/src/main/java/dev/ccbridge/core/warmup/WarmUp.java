package dev.ccbridge.core.warmup;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.client.GatewayClient;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.server.GatewayServer;
import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the first requests after a start fast: right after the gateway starts, a background
 * thread sends a private gateway of its own (127.0.0.1, a free port) the two request bodies
 * bundled with ccbridge, recorded from Claude Code (its prompts replaced by neutral text), a few
 * hundred times through a Chat Completions, a Responses and an Anthropic target of a {@link
 * LoopbackProvider}, streamed and not: the JIT compiles the whole request path (parse, translate,
 * upstream call, stream translation, SSE writing) before Claude Code's own requests arrive. After
 * it sees the real gateway serving a request it waits until the gateway has been idle a moment,
 * runs at the lowest thread priority, and
 * stops after a fixed number of requests; then everything it started is closed, and one full
 * collection gives back the heap it grew.
 *
 * <p>It logs {@value #DONE} when it is over: the training run of the ahead-of-time cache ({@code
 * packaging/AotTraining.java}) waits for that line. {@code CCBRIDGE_WARMUP=off} turns it off.
 */
public final class WarmUp {
    static final String DONE = "warm-up done";
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final String TOKEN = "ccb_warmUpToken0000000000000000000000000000";
    /** Rounds over every body, mode and stream flag (12 requests a round). */
    private static final int ROUNDS = 30;

    private WarmUp() {}

    /**
     * Starts the warm-up on a daemon thread, once per process (later calls do nothing), and the
     * {@link IdleHeap} that gives memory back after bursts of requests.
     *
     * @param activeRequests requests the real gateway is serving right now: the warm-up waits while any are
     */
    public static void startInBackground(IntSupplier activeRequests) {
        IdleHeap.watchInBackground();
        if ("off".equalsIgnoreCase(System.getenv("CCBRIDGE_WARMUP")) || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().name("ccbridge-warm-up").daemon().priority(Thread.MIN_PRIORITY)
                .start(() -> run(activeRequests));
    }

    private static void run(IntSupplier activeRequests) {
        long start = System.nanoTime();
        try {
            int requests = exercise(activeRequests);
            LOG.info("{}: {} requests in {} ms", DONE, requests, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            // Nothing depends on it: the first requests are merely slower.
            LOG.info("{}: stopped early ({})", DONE, e.toString());
        }
        // The heap grew to carry the warm-up's requests: one full collection gives it back
        // (the JVM options let the heap shrink at once, see packaging/jvm.options).
        System.gc();
    }

    private static int exercise(IntSupplier activeRequests) throws Exception {
        List<byte[]> bodies = List.of(LoopbackProvider.resource("small.json"), LoopbackProvider.resource("session.json"));
        Path scratch = Files.createTempDirectory("ccbridge-warm-up");
        try (var provider = new LoopbackProvider()) {
            List<Target> targets = List.of(
                    target("chat", provider.root() + "/v1", "gpt-4.1", ApiMode.CHAT_COMPLETIONS),
                    target("responses", provider.root() + "/v1", "gpt-5-codex", ApiMode.CODEX_RESPONSES),
                    target("anthropic", provider.root(), "claude-sonnet-4-5", ApiMode.ANTHROPIC_MESSAGES));
            var config = new GatewayConfig(GatewayConfig.SCHEMA_VERSION, 0, TOKEN, "chat", targets, Map.of());
            // The store is never written: the registry saves only when targets change.
            var registry = new TargetRegistry(config, new ConfigStore(scratch.resolve("config.json")));
            var context = GatewayContext.standard(registry, new InMemorySecretStore(), new RequestLog(1, 0));
            try (var gateway = new GatewayServer(context, ServerSettings.onPort(0))) {
                gateway.start();
                // Each request to its target's own URL, as Claude Code sends it.
                var client = new GatewayClient(gateway.baseUrl());
                int sent = 0;
                var quiet = new Quiet(activeRequests);
                for (int round = 0; round < ROUNDS; round++) {
                    for (Target target : targets) {
                        for (byte[] body : bodies) {
                            for (boolean stream : new boolean[] {true, false}) {
                                quiet.await();
                                send(client, target, stream ? body : notStreamed(body));
                                sent++;
                            }
                        }
                    }
                }
                return sent;
            } finally {
                context.upstreams().close();
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    /**
     * Keeps the warm-up out of the way of real requests: after it has seen one running, it waits
     * until the gateway has been idle for {@link #IDLE}, so a client sending requests one after
     * another (Claude Code's agent loop) is not slowed by the warm-up between them.
     */
    private static final class Quiet {
        private static final Duration IDLE = Duration.ofMillis(200);
        private final IntSupplier activeRequests;
        private long lastBusy = System.nanoTime() - IDLE.toNanos();

        Quiet(IntSupplier activeRequests) {
            this.activeRequests = activeRequests;
        }

        void await() throws InterruptedException {
            while (true) {
                long now = System.nanoTime();
                if (activeRequests.getAsInt() > 0) {
                    lastBusy = now;
                } else if (now - lastBusy >= IDLE.toNanos()) {
                    return;
                }
                Thread.sleep(10);
            }
        }
    }

    private static Target target(String id, String baseUrl, String model, ApiMode mode) {
        return Target.builder().id(id).name(id).provider("warm-up").baseUrl(baseUrl).model(model).apiMode(mode)
                .token(TOKEN).build();
    }

    private static void send(GatewayClient client, Target target, byte[] body) {
        var reply = client.send(target, body, Duration.ofSeconds(30));
        if (!reply.ok()) {
            throw new IllegalStateException("the warm-up gateway answered " + reply.status() + ": " + reply.errorMessage());
        }
    }

    /** The same request with {@code "stream":false}: the bundled bodies stream, as Claude Code's do. */
    private static byte[] notStreamed(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).replace("\"stream\":true", "\"stream\":false")
                .getBytes(StandardCharsets.UTF_8);
    }
}
