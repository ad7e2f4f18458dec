package dev.ccbridge.core.soak;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The soak run (scripts/soak.sh; not part of the test suite): a fast fake Chat Completions
 * provider in this JVM, the gateway as its own process ({@code ccbridge serve}), and N clients
 * streaming through it without pause for a while. Reports throughput, errors by kind, latency,
 * and the gateway's memory (RSS), threads and sockets before, during and after.
 *
 * <p>Arguments: {@code concurrency seconds chunks chunkDelayMillis}.
 */
public final class SoakRun {
    private static final String BODY = "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":1000,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"soak\"}]}";

    private SoakRun() {}

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        int chunks = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int chunkDelay = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path dir = Files.createTempDirectory("ccbridge-soak");

        Server upstream = fakeProvider(chunks, chunkDelay);
        int upstreamPort = ((ServerConnector) upstream.getConnectors()[0]).getLocalPort();
        Path config = dir.resolve("config.json");
        var target = Target.builder().id("soak").name("Soak").provider("fake")
                .baseUrl("http://127.0.0.1:" + upstreamPort + "/v1").model("fake-model")
                .apiMode(ApiMode.CHAT_COMPLETIONS).build();
        new ConfigStore(config).save(new GatewayConfig(1, 8787, "ccb_soakInstallToken00000000000", "soak",
                List.of(target), null));

        Path out = dir.resolve("serve.out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "dev.ccbridge.core.cli.CcbridgeCli",
                "--config", config.toString(), "serve", "--port", "0", "--quiet"));
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        String base = awaitListening(out, gateway);
        long pid = gateway.pid();
        System.out.printf(Locale.ROOT, "soak: %d concurrent streams for %d s, %d chunks of ~60 bytes %d ms apart%n",
                concurrency, seconds, chunks, chunkDelay);
        System.out.println("gateway pid " + pid + " at " + base + "; fake provider on port " + upstreamPort);
        Stats idle = Stats.of(pid, base, upstreamPort);
        System.out.println("before:  " + idle);

        var ok = new LongAdder();
        var errors = new ConcurrentHashMap<String, LongAdder>();
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var peakRss = new AtomicLong(idle.rssKb());
        long stopAt = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        // Latency counts only streams started in the second half, after the JIT and the pools warmed up.
        long warmEnd = System.nanoTime() + Duration.ofSeconds(seconds).toNanos() / 2;
        var done = new CountDownLatch(concurrency);
        try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
             var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                workers.submit(() -> {
                    try {
                        while (System.nanoTime() < stopAt) {
                            long start = System.nanoTime();
                            String problem = stream(client, base, chunks);
                            if (problem == null) {
                                ok.increment();
                                if (start - warmEnd >= 0) {
                                    latencies.add((System.nanoTime() - start) / 1_000_000);
                                }
                            } else {
                                errors.computeIfAbsent(problem, k -> new LongAdder()).increment();
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            long started = System.nanoTime();
            while (!done.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                Stats now = Stats.of(pid, base, upstreamPort);
                peakRss.accumulateAndGet(now.rssKb(), Math::max);
                System.out.printf(Locale.ROOT, "%4d s:  %s, %d streams done%n",
                        (System.nanoTime() - started) / 1_000_000_000, now, ok.sum());
            }
        }
        Thread.sleep(3000); // let connections settle
        Stats after = Stats.of(pid, base, upstreamPort);
        peakRss.accumulateAndGet(after.rssKb(), Math::max);

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long failed = errors.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.println();
        System.out.printf(Locale.ROOT, "streams: %d complete, %d failed (%.3f %%), %.1f per second%n", ok.sum(), failed,
                100.0 * failed / Math.max(1, ok.sum() + failed), ok.sum() / (double) seconds);
        new TreeMap<>(errors).forEach((kind, count) -> System.out.println("  error " + kind + ": " + count.sum()));
        if (!sorted.isEmpty()) {
            System.out.printf(Locale.ROOT, "latency per stream (second half): p50 %d ms, p99 %d ms, max %d ms%n",
                    sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)), sorted.getLast());
        }
        System.out.println("before:  " + idle);
        System.out.println("after:   " + after);
        Thread.sleep(32_000); // the provider connection pool's idle limit (30 s)
        System.out.println("+35 s:   " + Stats.of(pid, base, upstreamPort));
        System.out.printf(Locale.ROOT, "peak RSS %d MiB%n", peakRss.get() / 1024);
        System.out.println("heap after a full GC: " + heapAfterGc(pid));

        gateway.destroy();
        gateway.waitFor();
        upstream.stop();
        System.exit(failed == 0 ? 0 : 1);
    }

    /** One streaming request; null if it came back whole, else what went wrong. */
    private static String stream(HttpClient client, String base, int chunks) {
        var request = HttpRequest.newBuilder(URI.create(base + "/v1/messages"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer ccb_soakInstallToken00000000000")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode();
            }
            if (!body.contains("event: message_stop") || body.contains("event: error")) {
                return "incomplete stream";
            }
            int words = body.split("\"text_delta\"", -1).length - 1;
            return words == chunks ? null : "wrong content (" + words + " of " + chunks + " deltas)";
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** A provider that streams {@code chunks} text deltas, {@code delay} ms apart, to every request. */
    private static Server fakeProvider(int chunks, int delay) throws Exception {
        var threads = new VirtualThreadPool(100_000);
        var server = new Server(threads);
        var connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setAcceptQueueSize(4096);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract(Invocable.InvocationType.BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Request.asInputStream(request).readAllBytes();
                response.setStatus(200);
                response.getHeaders().put("Content-Type", "text/event-stream");
                for (int i = 0; i < chunks; i++) {
                    write(response, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word" + i + " \"}}]}\n\n");
                    if (delay > 0) {
                        Thread.sleep(delay);
                    }
                }
                write(response, "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":" + chunks + "}}\n\n"
                        + "data: [DONE]\n\n");
                callback.succeeded();
                return true;
            }
        });
        server.start();
        return server;
    }

    private static void write(Response response, String text) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), written);
            written.block();
        }
    }

    /** What the gateway's heap still holds once garbage is collected (a leak would show here), via jcmd. */
    private static String heapAfterGc(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true).start()
                    .waitFor();
            Process info = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor();
            Matcher used = Pattern.compile("committed (\\d+)K, used (\\d+)K").matcher(text);
            return used.find() ? Long.parseLong(used.group(2)) / 1024 + " MiB used of "
                    + Long.parseLong(used.group(1)) / 1024 + " MiB committed" : text.strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String awaitListening(Path out, Process serve) throws Exception {
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = listening.matcher(Files.readString(out));
            if (m.find()) {
                return m.group(1);
            }
            if (!serve.isAlive()) {
                throw new IllegalStateException("serve exited: " + Files.readString(out));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("serve did not start: " + Files.readString(out));
    }

    /** The gateway process as the OS sees it: memory, threads, sockets, TCP connections by side. */
    record Stats(long rssKb, int threads, int sockets, int fromClients, int toProvider) {
        static Stats of(long pid, String base, int upstreamPort) throws IOException {
            long rss = 0;
            int threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
            int sockets = 0;
            try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                            sockets++;
                        }
                    } catch (IOException gone) {
                        // closed while listing
                    }
                }
            }
            int gatewayPort = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
            int fromClients = 0;
            int toProvider = 0;
            List<String> table = new ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
            if (Files.exists(Path.of("/proc/net/tcp6"))) {
                table.addAll(Files.readAllLines(Path.of("/proc/net/tcp6")));
            }
            for (String line : table) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || !f[3].equals("01")) { // 01 = ESTABLISHED
                    continue;
                }
                int local = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                int remote = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
                if (local == gatewayPort) {
                    fromClients++;
                }
                if (remote == upstreamPort) {
                    toProvider++;
                }
            }
            return new Stats(rss, threads, sockets, fromClients, toProvider);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "RSS %d MiB, %d threads, %d sockets, %d client connections, "
                    + "%d provider connections", rssKb / 1024, threads, sockets, fromClients, toProvider);
        }
    }
}
