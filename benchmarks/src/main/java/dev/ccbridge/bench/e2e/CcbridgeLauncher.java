package dev.ccbridge.bench.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts ccbridge as a user starts the headless gateway, with {@code scripts/serve.sh} (its JVM
 * options, its start-up cache), on a fresh configuration whose targets all point at the fake
 * provider: the active one answers at once, two more ({@link #slowRoute}, {@link #streamsRoute})
 * space their chunks out.
 */
final class CcbridgeLauncher {
    static final String INSTALL_TOKEN = "ccb_benchInstallToken00000000000000000000000";

    /** A per-target route: its path prefix and token. */
    record Route(String path, String token) {
        Map<String, String> headers() {
            return Map.of("Authorization", "Bearer " + token);
        }
    }

    private final Path serveScript;
    private final Path work;
    private final String fakeRoot;
    private final Target fast;
    private final Target slow;
    private final Target streams;
    private int started;

    /** {@code fakeRoot}: the fake provider's {@code http://127.0.0.1:PORT}. */
    CcbridgeLauncher(Path serveScript, Path work, String fakeRoot, int arrivalIntervalMs, int streamIntervalMs) {
        this.serveScript = serveScript;
        this.work = work;
        this.fakeRoot = fakeRoot;
        this.fast = target("fake", "", null);
        this.slow = target("slow", "/slow/" + arrivalIntervalMs, "ccb_benchSlowRoute000000000000000000000000");
        this.streams = target("streams", "/slow/" + streamIntervalMs, "ccb_benchStreamsRoute0000000000000000000000");
    }

    private Target target(String id, String prefix, String token) {
        return Target.builder().id(id).name(id).provider("fake").baseUrl(fakeRoot + prefix + "/v1").model("gpt-4.1")
                .apiMode(ApiMode.CHAT_COMPLETIONS).apiKeyEnv("BENCH_FAKE_KEY").token(token).build();
    }

    Route slowRoute() {
        return new Route("/api/claude-code-proxy/" + slow.routeKey(), slow.token());
    }

    Route streamsRoute() {
        return new Route("/api/claude-code-proxy/" + streams.routeKey(), streams.token());
    }

    /**
     * A new ccbridge process (its own config and port), started with {@code env} added to the
     * environment; returns once it accepts connections, with the time that took.
     */
    Started start(String name, Path bodies, Map<String, String> env) throws Exception {
        int port = LoadBench.freePort();
        Path dir = work.resolve("ccbridge-" + ++started);
        Path config = dir.resolve("config.json");
        Files.createDirectories(dir);
        ObjectNode root = Json.object();
        root.put("schemaVersion", 1).put("port", port).put("installToken", INSTALL_TOKEN).put("activeTarget", "fake");
        ArrayNode targets = root.putArray("targets");
        for (Target t : List.of(fast, slow, streams)) {
            targets.add(Json.CONFIG.valueToTree(t));
        }
        Files.writeString(config, Json.CONFIG.writeValueAsString(root));
        var builder = new ProcessBuilder(serveScript.toString(), "--config", config.toString(), "serve", "--port",
                Integer.toString(port), "--quiet").redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        builder.environment().put("BENCH_FAKE_KEY", "sk-bench");
        builder.environment().putAll(env);
        long begin = System.nanoTime();
        Process process = builder.start();
        var contender = new Contender(name, URI.create("http://127.0.0.1:" + port), "/v1/messages",
                Map.of("Authorization", "Bearer " + INSTALL_TOKEN), bodies, "text_delta", List.of(process));
        long deadline = begin + 120_000_000_000L;
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                contender.stop();
                throw new IllegalStateException("ccbridge did not start; see " + dir.resolve("out.log") + ":\n"
                        + Files.readString(dir.resolve("out.log")));
            }
            Thread.sleep(2);
        }
        return new Started(contender, (System.nanoTime() - begin) / 1_000_000.0, dir.resolve("out.log"));
    }

    /** A started ccbridge and how long it took from launch to accepting connections. */
    record Started(Contender contender, double listeningMs, Path log) {}

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
