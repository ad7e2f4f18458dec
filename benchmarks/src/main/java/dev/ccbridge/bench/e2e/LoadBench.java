package dev.ccbridge.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The end-to-end load benchmark: a fake Chat Completions provider, ccbridge in front of it, the
 * same provider called directly, and claude-code-router 2.0.0 and 3.1.1 in front of it too, all
 * on this machine and measured in one run with the phases interleaved (each round visits every
 * contender, in rotating order), so drifting machine load hits them alike. Non-stream latency
 * and throughput come from wrk; time to first text, concurrent streams and arrival timing from
 * {@link HttpProbe}. Writes {@code e2e-results.json}, {@code e2e-results.md} and a chart.
 *
 * <p>Started by {@code scripts/bench/e2e.sh}, which builds everything and passes the paths.
 */
public final class LoadBench {
    private final Options options;
    private final Path work;
    private final ObjectNode results = Json.object();
    private final List<Contender> contenders = new ArrayList<>();
    private Contender direct;
    private Contender ccbridge;
    private Process fake;
    private int fakePort;
    private String slowRouteToken;
    private String slowRouteKey;
    private String streamsRouteToken;
    private String streamsRouteKey;

    private LoadBench(Options options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("ccbridge-bench");
    }

    public static void main(String[] args) throws Exception {
        var bench = new LoadBench(Options.parse(args));
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopAll, "stop-contenders"));
        bench.run();
    }

    private void run() throws Exception {
        log("work directory " + work + "; load average " + loadAverage());
        results.put("started", Instant.now().toString());
        results.put("loadAverageAtStart", loadAverage());
        results.put("machine", machine());
        startFake();
        startCcbridge();
        if (options.ccr2 != null) {
            startCcr("ccr 2.0.0", options.ccr2, List.of(options.node20, options.ccr2.toString(), "start"));
        }
        if (options.ccr3 != null) {
            startCcr("ccr 3.1.1", options.ccr3, List.of(options.node22, options.ccr3.toString(), "serve", "--no-open",
                    "--host", "127.0.0.1", "--port", Integer.toString(freePort())));
        }
        for (Contender c : contenders) {
            waitReady(c);
        }
        // Idle: started, answered one request, then left alone (ccbridge trims its native heap every 5 s).
        Thread.sleep(12_000);
        ObjectNode memory = results.putObject("rssKib");
        for (Contender c : contenders) {
            memory.putObject(c.name()).put("idle", c.rssKib());
        }
        warmUp();
        latencyRounds();
        firstTextRounds();
        throughput();
        focusAll();
        for (Contender c : contenders) {
            ((ObjectNode) memory.get(c.name())).put("afterLoad", c.rssKib()).put("peak", c.peakRssKib());
        }
        if (!options.skipStreams) {
            concurrentStreams();
            arrivalTiming();
        }
        focusAll();
        Thread.sleep(10_000);
        for (Contender c : contenders) {
            ((ObjectNode) memory.get(c.name())).put("afterLoadIdle", c.rssKib()).put("peakFinal", c.peakRssKib());
        }
        results.put("loadAverageAtEnd", loadAverage());
        results.put("finished", Instant.now().toString());
        Files.createDirectories(options.out);
        Files.writeString(options.out.resolve("e2e-results.json"), Json.CONFIG.writeValueAsString(results));
        Report.write(results, options.out, options);
        log("wrote " + options.out.resolve("e2e-results.md"));
    }

    // ---------------------------------------------------------------- contenders

    private void startFake() throws Exception {
        fakePort = freePort();
        fake = java(List.of("-XX:+UseParallelGC", "-Xmx1g"), options.benchClasspath,
                "dev.ccbridge.bench.e2e.FakeUpstream",
                List.of(Integer.toString(fakePort), Integer.toString(options.textChunks)), "fake", Map.of());
        var reader = new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || !line.startsWith("ready")) {
            throw new IllegalStateException("the fake upstream did not start: " + line);
        }
        Thread.ofVirtual().start(() -> drain(reader));
        direct = new Contender("direct", URI.create("http://127.0.0.1:" + fakePort), "/v1/chat/completions",
                Map.of("Authorization", "Bearer sk-bench"), BodySets.chat(work.resolve("chat"), fakeBase("")),
                "\"delta\":{\"content\":", List.of(fake));
        contenders.add(direct);
        results.put("fakeTextChunks", options.textChunks);
    }

    private String fakeBase(String prefix) {
        return "http://127.0.0.1:" + fakePort + prefix + "/v1";
    }

    private void startCcbridge() throws Exception {
        int port = freePort();
        Target fast = target("fake", fakeBase(""), null);
        slowRouteToken = "ccb_benchSlowRoute000000000000000000000000";
        Target slow = target("slow", fakeBase("/slow/" + options.arrivalIntervalMs), slowRouteToken);
        streamsRouteToken = "ccb_benchStreamsRoute0000000000000000000000";
        Target streams = target("streams", fakeBase("/slow/" + options.streamIntervalMs), streamsRouteToken);
        slowRouteKey = slow.routeKey();
        streamsRouteKey = streams.routeKey();
        ObjectNode config = Json.object();
        config.put("schemaVersion", 1);
        config.put("port", port);
        config.put("installToken", "ccb_benchInstallToken00000000000000000000000");
        config.put("activeTarget", "fake");
        ArrayNode targets = config.putArray("targets");
        for (Target t : List.of(fast, slow, streams)) {
            targets.add(Json.CONFIG.valueToTree(t));
        }
        Path file = work.resolve("ccbridge/config.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.CONFIG.writeValueAsString(config));
        List<String> jvm = new ArrayList<>(Arrays.asList(options.ccbridgeJvm.trim().split("\\s+")));
        jvm.removeIf(String::isBlank);
        // As scripts/serve.sh starts it: fewer glibc malloc arenas keep native memory down.
        Process process = java(jvm, options.ccbridgeClasspath, "dev.ccbridge.core.cli.CcbridgeCli",
                List.of("--config", file.toString(), "serve", "--port", Integer.toString(port), "--quiet"), "ccbridge",
                Map.of("MALLOC_ARENA_MAX", "2"));
        Thread.ofVirtual().start(() -> drain(new BufferedReader(new InputStreamReader(process.getInputStream()))));
        ccbridge = new Contender("ccbridge", URI.create("http://127.0.0.1:" + port), "/v1/messages",
                Map.of("Authorization", "Bearer ccb_benchInstallToken00000000000000000000000"),
                BodySets.anthropic(work.resolve("anthropic")), "text_delta", List.of(process));
        contenders.add(ccbridge);
        results.put("ccbridgeJvmOptions", options.ccbridgeJvm);
    }

    private static Target target(String id, String baseUrl, String token) {
        return Target.builder().id(id).name(id).provider("fake").baseUrl(baseUrl).model("gpt-4.1")
                .apiMode(ApiMode.CHAT_COMPLETIONS).apiKeyEnv("BENCH_FAKE_KEY").token(token).build();
    }

    /** claude-code-router with its own HOME, its config pointing at the same fake, bound to 127.0.0.1. */
    private void startCcr(String name, Path cli, List<String> command) throws Exception {
        int port = freePort();
        Path home = work.resolve(name.replace(' ', '-'));
        Path dir = home.resolve(".claude-code-router");
        Files.createDirectories(dir);
        ObjectNode config = Json.object();
        config.put("HOST", "127.0.0.1");
        config.put("PORT", port);
        config.put("APIKEY", "ccr-bench-key");
        config.put("LOG", false);
        config.put("API_TIMEOUT_MS", 600000);
        ObjectNode provider = config.putArray("Providers").addObject();
        provider.put("name", "fake");
        provider.put("api_base_url", fakeBase("") + "/chat/completions");
        provider.put("api_key", "sk-bench");
        provider.putArray("models").add("gpt-4.1");
        ObjectNode router = config.putObject("Router");
        router.put("default", "fake,gpt-4.1");
        // 3.x reads the 2.x file once (then keeps its config in SQLite) and routes by rules.
        router.putArray("rules").addObject().put("type", "model-prefix").put("pattern", "claude")
                .put("target", "fake,gpt-4.1");
        Files.writeString(dir.resolve("config.json"), Json.CONFIG.writeValueAsString(config));
        var builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(name.replace(' ', '-') + ".log").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("CI", "true");
        Process process = builder.start();
        contenders.add(new Contender(name, URI.create("http://127.0.0.1:" + port), "/v1/messages",
                Map.of("x-api-key", "ccr-bench-key"), work.resolve("anthropic"), "text_delta", List.of(process)));
    }

    private Process java(List<String> jvm, String classpath, String main, List<String> args, String name,
                         Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(options.java);
        command.addAll(jvm);
        command.add("-cp");
        command.add(classpath);
        command.add(main);
        command.addAll(args);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BENCH_FAKE_KEY", "sk-bench");
        builder.environment().putAll(env);
        log("starting " + name + ": java " + String.join(" ", jvm) + " -cp ... " + main + " " + String.join(" ", args));
        return builder.start();
    }

    private void waitReady(Contender c) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (var probe = new HttpProbe(c.base())) {
                var result = probe.post(c.path(), c.headers(), c.body(1, false), "Hello");
                if (result.status() == 200 && result.contains("Hello")) {
                    log(c.name() + " answers");
                    return;
                }
                last = new IllegalStateException(c.name() + " answered " + result.status() + ": "
                        + new String(result.body(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(c.name() + " did not become ready", last);
    }

    private void stopAll() {
        for (Contender c : contenders.reversed()) {
            c.stop();
        }
    }

    // ---------------------------------------------------------------- phases

    private void warmUp() throws Exception {
        log("warm-up");
        for (Contender c : contenders) {
            focus(c);
            for (int kb : BodySets.SIZES_KB) {
                wrk(c, kb, false, 2, 4, options.warmupSeconds);
            }
            try (var probe = new HttpProbe(c.base())) {
                for (int i = 0; i < 50; i++) {
                    probe.post(c.path(), c.headers(), c.body(50, true), c.textMark());
                }
            }
        }
    }

    /** Non-stream latency at one connection: wrk, every size, every contender, per round. */
    private void latencyRounds() throws Exception {
        ArrayNode rounds = results.putArray("latency");
        for (int round = 0; round < options.rounds; round++) {
            for (int kb : BodySets.SIZES_KB) {
                for (Contender c : rotated(round)) {
                    focus(c);
                    JsonNode run = wrk(c, kb, false, 1, 1, options.seconds);
                    ObjectNode row = rounds.addObject().put("round", round).put("kb", kb).put("contender", c.name());
                    row.setAll((ObjectNode) run);
                    log(String.format("latency r%d %4d KB %-10s p50 %7d us  p99 %8d us  (%d requests)", round, kb,
                            c.name(), run.path("latency_us").path("p50").asLong(),
                            run.path("latency_us").path("p99").asLong(), run.path("requests").asLong()));
                }
            }
        }
    }

    /** Streams, one at a time: time from the request to the first text, per size, per round. */
    private void firstTextRounds() throws Exception {
        ArrayNode rounds = results.putArray("firstText");
        for (int round = 0; round < options.rounds; round++) {
            for (int kb : BodySets.SIZES_KB) {
                for (Contender c : rotated(round)) {
                    focus(c);
                    int count = kb >= 500 ? options.ttftSamples / 4 : options.ttftSamples;
                    if (c.name().startsWith("ccr") && kb >= 50) {
                        count = Math.max(20, count / 5); // they take 10-300 ms per request
                    }
                    List<Long> ttft = new ArrayList<>();
                    int errors = 0;
                    byte[] body = c.body(kb, true);
                    try (var probe = new HttpProbe(c.base())) {
                        for (int i = 0; i < count; i++) {
                            var result = probe.post(c.path(), c.headers(), body, c.textMark());
                            if (result.status() != 200 || result.firstMarkNanos() < 0) {
                                errors++;
                            } else {
                                ttft.add(result.firstMarkNanos() / 1000);
                            }
                        }
                    }
                    ObjectNode row = rounds.addObject().put("round", round).put("kb", kb).put("contender", c.name())
                            .put("count", count).put("errors", errors);
                    row.set("ttft_us", Stats.summary(ttft));
                    log(String.format("ttft    r%d %4d KB %-10s p50 %7d us  p99 %8d us  (%d streams, %d errors)", round,
                            kb, c.name(), Stats.percentile(ttft, 50), Stats.percentile(ttft, 99), ttft.size(), errors));
                }
            }
        }
    }

    /** Closed-loop throughput with 50 KB bodies at 1, 16 and 64 connections. */
    private void throughput() throws Exception {
        ArrayNode rows = results.putArray("throughput");
        for (int round = 0; round < options.throughputRounds; round++) {
            for (int connections : new int[] {1, 16, 64}) {
                for (Contender c : rotated(round + connections)) {
                    focus(c);
                    JsonNode run = wrk(c, 50, false, Math.min(2, connections), connections, options.seconds);
                    double rps = run.path("requests").asDouble() * 1e6 / Math.max(1, run.path("duration_us").asDouble());
                    ObjectNode row = rows.addObject().put("round", round).put("connections", connections)
                            .put("contender", c.name()).put("requestsPerSecond", rps);
                    row.setAll((ObjectNode) run);
                    log(String.format("rps     r%d c=%-3d %-10s %8.0f req/s  errors %s", round, connections, c.name(), rps,
                            run.path("errors")));
                }
            }
        }
    }

    /** 500 streams at once through ccbridge, several waves; errors and memory after each wave. */
    private void concurrentStreams() throws Exception {
        log("concurrent streams");
        focus(ccbridge);
        ObjectNode out = results.putObject("concurrentStreams");
        out.put("streams", options.concurrentStreams).put("intervalMs", options.streamIntervalMs)
                .put("textChunks", options.textChunks).put("bodyKb", options.streamKb);
        ArrayNode waves = out.putArray("waves");
        byte[] body = ccbridge.body(options.streamKb, true);
        String path = "/api/claude-code-proxy/" + streamsRouteKey + "/v1/messages";
        Map<String, String> headers = Map.of("Authorization", "Bearer " + streamsRouteToken);
        for (int wave = 0; wave < options.streamWaves; wave++) {
            var errors = new AtomicInteger();
            var complete = new AtomicInteger();
            var problems = new ConcurrentLinkedQueue<String>();
            long start = System.nanoTime();
            // Platform threads: the client side stays out of the virtual-thread scheduler it measures.
            try (var threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().stackSize(256 * 1024).factory())) {
                for (int i = 0; i < options.concurrentStreams; i++) {
                    threads.submit(() -> {
                        try (var probe = new HttpProbe(ccbridge.base())) {
                            var result = probe.post(path, headers, body, ccbridge.textMark());
                            if (result.status() == 200 && result.contains("message_stop")
                                    && result.markNanos().size() == options.textChunks) {
                                complete.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                                problems.add(result.status() + " " + result.markNanos().size() + " texts");
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            problems.add(e.toString());
                        }
                        return null;
                    });
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            waves.addObject().put("wave", wave).put("complete", complete.get()).put("errors", errors.get())
                    .put("millis", millis).put("rssKib", ccbridge.rssKib());
            log(String.format("streams wave %d: %d complete, %d errors in %d ms, ccbridge RSS %d MiB %s", wave,
                    complete.get(), errors.get(), millis, ccbridge.rssKib() / 1024,
                    problems.stream().limit(3).toList()));
        }
    }

    /** Slow stream (chunks far apart): each text piece must reach the client when the provider sends it. */
    private void arrivalTiming() throws Exception {
        log("arrival timing");
        String path = "/api/claude-code-proxy/" + slowRouteKey + "/v1/messages";
        HttpProbe.Result viaBridge;
        HttpProbe.Result viaDirect;
        try (var bridgeProbe = new HttpProbe(ccbridge.base()); var directProbe = new HttpProbe(direct.base())) {
            viaBridge = bridgeProbe.post(path, Map.of("Authorization", "Bearer " + slowRouteToken),
                    ccbridge.body(1, true), ccbridge.textMark());
            viaDirect = directProbe.post("/slow/" + options.arrivalIntervalMs + "/v1/chat/completions",
                    direct.headers(), direct.body(1, true), direct.textMark());
        }
        ObjectNode out = results.putObject("arrival");
        out.put("intervalMs", options.arrivalIntervalMs);
        ArrayNode lags = out.putArray("lagUs");
        int n = Math.min(viaBridge.markNanos().size(), viaDirect.markNanos().size());
        List<Long> lagList = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long lag = (viaBridge.markNanos().get(i) - viaDirect.markNanos().get(i)) / 1000;
            lags.add(lag);
            lagList.add(lag);
        }
        out.put("pieces", n);
        out.put("bridgeFirstTextMs", viaBridge.firstMarkNanos() / 1_000_000.0);
        out.put("bridgeLastTextMs", viaBridge.markNanos().isEmpty() ? -1 : viaBridge.markNanos().getLast() / 1_000_000.0);
        out.put("bridgeTotalMs", viaBridge.totalNanos() / 1_000_000.0);
        out.put("maxLagUs", lagList.stream().mapToLong(Long::longValue).max().orElse(-1));
        // A constant lag is the request's own overhead; a growing one would be buffering.
        out.put("lagSpreadUs", lagList.stream().mapToLong(Long::longValue).max().orElse(0)
                - lagList.stream().mapToLong(Long::longValue).min().orElse(0));
        out.put("medianLagUs", Stats.percentile(lagList, 50));
        log("arrival: " + out);
    }

    // ---------------------------------------------------------------- tools

    /** Lets only {@code c} (and the provider) run; every other contender is frozen meanwhile. */
    private void focus(Contender c) {
        for (Contender other : contenders) {
            if (other != direct) {
                if (other == c) {
                    other.resume();
                } else {
                    other.pause();
                }
            }
        }
    }

    private void focusAll() {
        contenders.forEach(Contender::resume);
    }

    private List<Contender> rotated(int round) {
        List<Contender> order = new ArrayList<>(contenders);
        java.util.Collections.rotate(order, round % order.size());
        return order;
    }

    private JsonNode wrk(Contender c, int kb, boolean stream, int threads, int connections, int seconds)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "60s", "-s", options.wrkScript.toString(), c.url(), "--", c.bodyFile(kb, stream).toString()));
        c.headers().forEach((name, value) -> command.add(name + ": " + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        String json = output.lines().filter(line -> line.startsWith("{\"requests\"")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("wrk printed no result: " + output));
        return Json.WIRE.readTree(json);
    }

    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // keep the pipe empty; the servers run quiet
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String machine() {
        String cpu = "unknown";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: leave it unknown
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu;
    }

    static void log(String message) {
        System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + message);
        System.out.flush();
    }

    /** Command-line options; the script fills them in. */
    static final class Options {
        Path out = Path.of("docs/bench");
        Path wrkScript = Path.of("scripts/bench/post.lua");
        String java = ProcessHandle.current().info().command().orElse("java");
        String benchClasspath = System.getProperty("java.class.path");
        String ccbridgeClasspath = System.getProperty("java.class.path");
        String ccbridgeJvm = "";
        String node20 = "node";
        String node22;
        Path ccr2;
        Path ccr3;
        int seconds = 5;
        int warmupSeconds = 15;
        int rounds = 3;
        int throughputRounds = 2;
        int ttftSamples = 200;
        int textChunks = 20;
        int concurrentStreams = 500;
        int streamWaves = 6;
        int streamIntervalMs = 50;
        int streamKb = 1;
        int arrivalIntervalMs = 100;
        boolean skipStreams;

        static Options parse(String[] args) {
            var o = new Options();
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--skip-streams")) {
                    o.skipStreams = true;
                } else {
                    map.put(args[i].replaceFirst("^--", ""), args[++i]);
                }
            }
            map.forEach((key, value) -> {
                switch (key) {
                    case "out" -> o.out = Path.of(value);
                    case "wrk-script" -> o.wrkScript = Path.of(value);
                    case "java" -> o.java = value;
                    case "bench-cp" -> o.benchClasspath = value;
                    case "ccbridge-cp" -> o.ccbridgeClasspath = value;
                    case "ccbridge-jvm" -> o.ccbridgeJvm = value;
                    case "node" -> o.node20 = value;
                    case "node22" -> o.node22 = value;
                    case "ccr2" -> o.ccr2 = value.isBlank() ? null : Path.of(value);
                    case "ccr3" -> o.ccr3 = value.isBlank() ? null : Path.of(value);
                    case "seconds" -> o.seconds = Integer.parseInt(value);
                    case "warmup-seconds" -> o.warmupSeconds = Integer.parseInt(value);
                    case "rounds" -> o.rounds = Integer.parseInt(value);
                    case "throughput-rounds" -> o.throughputRounds = Integer.parseInt(value);
                    case "ttft-samples" -> o.ttftSamples = Integer.parseInt(value);
                    case "text-chunks" -> o.textChunks = Integer.parseInt(value);
                    case "streams" -> o.concurrentStreams = Integer.parseInt(value);
                    case "stream-waves" -> o.streamWaves = Integer.parseInt(value);
                    case "stream-kb" -> o.streamKb = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option --" + key);
                }
            });
            if (o.ccr3 != null && o.node22 == null) {
                throw new IllegalArgumentException("--ccr3 needs --node22 (claude-code-router 3 needs Node 22)");
            }
            return o;
        }
    }
}
