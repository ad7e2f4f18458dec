package dev.ccbridge.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.bench.RecordedBodies;
import dev.ccbridge.core.json.Json;
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
 * on this machine, sent the request bodies recorded from Claude Code ({@link RecordedBodies}).
 * First the first requests after fresh starts ({@link ColdStart}), then a warm JVM measured with
 * the phases interleaved (each round visits every contender, in rotating order), so drifting
 * machine load hits them alike. Non-stream latency and throughput come from wrk; time to first
 * text, concurrent streams and arrival timing from {@link HttpProbe}; CPU per request from
 * {@code /proc}; a JFR recording of the warm ccbridge is summarised ({@link JfrSummary}). Writes
 * {@code e2e-results.json}, {@code e2e-results.md}, a chart and the recording.
 *
 * <p>Started by {@code scripts/bench/e2e.sh}, which builds everything and passes the paths.
 */
public final class LoadBench {
    private static final String RECORDING = "ccbridge-warm.jfr";

    private final Options options;
    private final Path work;
    private final ObjectNode results = Json.object();
    private final List<Contender> contenders = new ArrayList<>();
    private Contender direct;
    private Contender ccbridge;
    private CcbridgeLauncher launcher;
    private Path anthropicBodies;
    private Process fake;
    private int fakePort;

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
        anthropicBodies = BodySets.anthropic(work.resolve("anthropic"));
        launcher = new CcbridgeLauncher(options.serve, work, "http://127.0.0.1:" + fakePort,
                options.arrivalIntervalMs, options.streamIntervalMs);
        warmFake();
        if (options.coldStarts > 0) {
            log("first requests after a fresh start");
            ArrayNode cold = results.putArray("coldStart");
            for (int delay : options.coldDelays) {
                cold.add(ColdStart.run(launcher, direct, anthropicBodies, RecordedBodies.MEDIUM, options.coldStarts,
                        options.coldRequests, delay));
            }
        }
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
        // Idle: started, answered one request, then left alone for 30 s (ccbridge's start-up
        // warm-up is over by then; it trims its native heap every 5 s).
        Thread.sleep(30_000);
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
        if (options.jfr) {
            profile();
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

    /** The provider's own JIT warmed up, so that direct calls measure a warm provider from the start. */
    private void warmFake() throws Exception {
        log("warming up the fake provider");
        wrk(direct, RecordedBodies.MEDIUM, false, 1, 4, options.warmupSeconds);
        try (var probe = new HttpProbe(direct.base())) {
            for (int i = 0; i < 500; i++) {
                probe.post(direct.path(), direct.headers(), direct.body(RecordedBodies.MEDIUM, true), direct.textMark());
            }
        }
    }

    /** The ccbridge measured warm, started as scripts/serve.sh starts it. */
    private void startCcbridge() throws Exception {
        var started = launcher.start("ccbridge", anthropicBodies, Map.of());
        ccbridge = started.contender();
        contenders.add(ccbridge);
        results.put("ccbridgeListeningMs", started.listeningMs());
        results.put("ccbridgeJvmOptions", Files.readString(options.serve.resolveSibling("ccbridge-jvm.options")));
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
                Map.of("x-api-key", "ccr-bench-key"), anthropicBodies, "text_delta", List.of(process)));
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
                var result = probe.post(c.path(), c.headers(), c.body(RecordedBodies.SMALL, false), "Hello");
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
            for (RecordedBodies body : RecordedBodies.values()) {
                wrk(c, body, false, 2, 4, options.warmupSeconds);
            }
            try (var probe = new HttpProbe(c.base())) {
                for (int i = 0; i < 50; i++) {
                    probe.post(c.path(), c.headers(), c.body(RecordedBodies.MEDIUM, true), c.textMark());
                }
            }
        }
    }

    /** Non-stream latency at one connection: wrk, every size, every contender, per round. */
    private void latencyRounds() throws Exception {
        ArrayNode rounds = results.putArray("latency");
        for (int round = 0; round < options.rounds; round++) {
            for (RecordedBodies body : RecordedBodies.values()) {
                for (Contender c : rotated(round)) {
                    focus(c);
                    JsonNode run = wrk(c, body, false, 1, 1, options.seconds);
                    ObjectNode row = rounds.addObject().put("round", round).put("body", body.id())
                            .put("contender", c.name());
                    row.setAll((ObjectNode) run);
                    log(String.format("latency r%d %-7s %-10s p50 %7d us  p99 %8d us  (%d requests, CPU %.3f ms each)",
                            round, body.id(), c.name(), run.path("latency_us").path("p50").asLong(),
                            run.path("latency_us").path("p99").asLong(), run.path("requests").asLong(),
                            run.path("cpuMsPerRequest").asDouble()));
                }
            }
        }
    }

    /** Streams, one at a time: time from the request to the first text, per size, per round. */
    private void firstTextRounds() throws Exception {
        ArrayNode rounds = results.putArray("firstText");
        for (int round = 0; round < options.rounds; round++) {
            for (RecordedBodies size : RecordedBodies.values()) {
                for (Contender c : rotated(round)) {
                    focus(c);
                    boolean large = size == RecordedBodies.LARGE || size == RecordedBodies.IMAGES;
                    int count = large ? options.ttftSamples / 4 : options.ttftSamples;
                    if (c.name().startsWith("ccr") && size != RecordedBodies.SMALL) {
                        count = Math.max(20, count / 5); // they take 10-300 ms per request
                    }
                    List<Long> ttft = new ArrayList<>();
                    int errors = 0;
                    byte[] body = c.body(size, true);
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
                    ObjectNode row = rounds.addObject().put("round", round).put("body", size.id())
                            .put("contender", c.name()).put("count", count).put("errors", errors);
                    row.set("ttft_us", Stats.summary(ttft));
                    log(String.format("ttft    r%d %-7s %-10s p50 %7d us  p99 %8d us  (%d streams, %d errors)", round,
                            size.id(), c.name(), Stats.percentile(ttft, 50), Stats.percentile(ttft, 99), ttft.size(),
                            errors));
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
                    JsonNode run = wrk(c, RecordedBodies.MEDIUM, false, Math.min(2, connections), connections,
                            options.seconds);
                    double rps = run.path("requests").asDouble() * 1e6 / Math.max(1, run.path("duration_us").asDouble());
                    ObjectNode row = rows.addObject().put("round", round).put("connections", connections)
                            .put("contender", c.name()).put("requestsPerSecond", rps);
                    row.setAll((ObjectNode) run);
                    log(String.format("rps     r%d c=%-3d %-10s %8.0f req/s  CPU %.3f ms/request  errors %s", round,
                            connections, c.name(), rps, run.path("cpuMsPerRequest").asDouble(), run.path("errors")));
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
                .put("textChunks", options.textChunks).put("body", RecordedBodies.SMALL.id());
        ArrayNode waves = out.putArray("waves");
        byte[] body = ccbridge.body(RecordedBodies.SMALL, true);
        String path = launcher.streamsRoute().path() + "/v1/messages";
        Map<String, String> headers = launcher.streamsRoute().headers();
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
        String path = launcher.slowRoute().path() + "/v1/messages";
        HttpProbe.Result viaBridge;
        HttpProbe.Result viaDirect;
        try (var bridgeProbe = new HttpProbe(ccbridge.base()); var directProbe = new HttpProbe(direct.base())) {
            viaBridge = bridgeProbe.post(path, launcher.slowRoute().headers(), ccbridge.body(RecordedBodies.SMALL, true),
                    ccbridge.textMark());
            viaDirect = directProbe.post("/slow/" + options.arrivalIntervalMs + "/v1/chat/completions",
                    direct.headers(), direct.body(RecordedBodies.SMALL, true), direct.textMark());
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

    /**
     * A JFR recording of the warm ccbridge under the hot-path load (medium bodies at 1 and 16
     * connections, large at 1), taken last so that JFR's own memory and CPU stay out of every
     * other figure; summarised into the report, the file kept beside it.
     */
    private void profile() throws Exception {
        log("profile (JFR)");
        focus(ccbridge);
        String jcmd = Path.of(options.java).resolveSibling("jcmd").toString();
        String pid = Long.toString(ccbridge.processes().getFirst().pid());
        exec(List.of(jcmd, pid, "JFR.start", "name=bench", "settings=profile"));
        wrk(ccbridge, RecordedBodies.MEDIUM, false, 1, 1, options.seconds);
        wrk(ccbridge, RecordedBodies.MEDIUM, false, 2, 16, options.seconds);
        wrk(ccbridge, RecordedBodies.LARGE, false, 1, 1, options.seconds);
        Files.createDirectories(options.out);
        Path recording = options.out.resolve(RECORDING).toAbsolutePath();
        exec(List.of(jcmd, pid, "JFR.stop", "name=bench", "filename=" + recording));
        results.set("jfr", JfrSummary.of(recording).put("file", RECORDING).put("seconds", 3 * options.seconds));
        focusAll();
        log("wrote " + recording);
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

    /** One wrk run against {@code c}, with the CPU time its processes used per request meanwhile. */
    private JsonNode wrk(Contender c, RecordedBodies body, boolean stream, int threads, int connections, int seconds)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "60s", "-s", options.wrkScript.toString(), c.url(), "--", c.bodyFile(body, stream).toString()));
        c.headers().forEach((name, value) -> command.add(name + ": " + value));
        long cpuBefore = c.cpuMillis();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        long cpu = c.cpuMillis() - cpuBefore;
        String json = output.lines().filter(line -> line.startsWith("{\"requests\"")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("wrk printed no result: " + output));
        ObjectNode run = (ObjectNode) Json.WIRE.readTree(json);
        long requests = Math.max(1, run.path("requests").asLong());
        return run.put("cpuMs", cpu).put("cpuMsPerRequest", (double) cpu / requests);
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
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

    static int freePort() throws IOException {
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
        Path serve = Path.of("scripts/serve.sh");
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
        int arrivalIntervalMs = 100;
        int coldStarts = 3;
        int coldRequests = 100;
        /** Seconds between a start and its first request, one series of starts each. */
        List<Integer> coldDelays = List.of(0, 20);
        boolean skipStreams;
        boolean jfr = true;

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
                    case "serve" -> o.serve = Path.of(value).toAbsolutePath();
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
                    case "cold-starts" -> o.coldStarts = Integer.parseInt(value);
                    case "cold-requests" -> o.coldRequests = Integer.parseInt(value);
                    case "cold-delays" -> o.coldDelays = Arrays.stream(value.split(",")).map(String::strip)
                            .map(Integer::parseInt).toList();
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
