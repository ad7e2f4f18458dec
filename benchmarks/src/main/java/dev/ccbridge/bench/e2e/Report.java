package dev.ccbridge.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import dev.ccbridge.bench.RecordedBodies;

/**
 * Turns a run's raw results into {@code e2e-results.md} (tables, the targets met or not) and
 * {@code e2e-latency.png} (gnuplot). "Added" is always paired: a contender's figure minus the
 * direct call's in the same round, then the median over rounds.
 */
final class Report {
    private static final String DIRECT = "direct";
    private static final String BRIDGE = "ccbridge";

    private final JsonNode results;
    private final List<String> names;

    private Report(JsonNode results) {
        this.results = results;
        Set<String> seen = new LinkedHashSet<>();
        results.path("latency").forEach(row -> seen.add(row.path("contender").asText()));
        names = new ArrayList<>(seen);
        names.remove(DIRECT);
        names.addFirst(DIRECT);
    }

    static void write(JsonNode results, Path out, LoadBench.Options options) throws IOException, InterruptedException {
        var report = new Report(results);
        Files.writeString(out.resolve("e2e-results.md"), report.markdown());
        report.chart(out);
    }

    // ---------------------------------------------------------------- figures

    /** Median over rounds of a contender's figure for one body. */
    private double median(String section, String contender, RecordedBodies body, Function<JsonNode, Double> figure) {
        List<Double> values = new ArrayList<>();
        for (JsonNode row : results.path(section)) {
            if (row.path("contender").asText().equals(contender) && row.path("body").asText().equals(body.id())) {
                values.add(figure.apply(row));
            }
        }
        return Stats.median(values);
    }

    /** Median over rounds of (contender - direct) in the same round and body. */
    private double added(String section, String contender, RecordedBodies body, Function<JsonNode, Double> figure) {
        List<Double> values = new ArrayList<>();
        for (JsonNode row : results.path(section)) {
            if (!row.path("contender").asText().equals(contender) || !row.path("body").asText().equals(body.id())) {
                continue;
            }
            for (JsonNode base : results.path(section)) {
                if (base.path("contender").asText().equals(DIRECT) && base.path("body").asText().equals(body.id())
                        && base.path("round").asInt() == row.path("round").asInt()) {
                    values.add(figure.apply(row) - figure.apply(base));
                }
            }
        }
        return Stats.median(values);
    }

    /**
     * p50 and p99 per body and contender, what each adds over the direct call, and (where the
     * section has it) the CPU time the contender's processes used per request.
     */
    private void latencyTable(StringBuilder md, String title, String section,
                              Function<String, Function<JsonNode, Double>> percentile) {
        boolean cpu = section.equals("latency");
        md.append("\n## ").append(title).append("\n\n");
        md.append("| body | contender | p50 | p99 | added p50 | added p99 |").append(cpu ? " CPU per request |" : "")
                .append("\n|---|---|---|---|---|---|").append(cpu ? "---|" : "").append('\n');
        for (RecordedBodies body : RecordedBodies.values()) {
            for (String c : names) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %s | %s |", body.label(), c,
                        median(section, c, body, percentile.apply("p50")), median(section, c, body, percentile.apply("p99")),
                        c.equals(DIRECT) ? "" : fmt(added(section, c, body, percentile.apply("p50"))),
                        c.equals(DIRECT) ? "" : fmt(added(section, c, body, percentile.apply("p99")))));
                if (cpu) {
                    md.append(' ').append(fmt(median(section, c, body, row -> row.path("cpuMsPerRequest").asDouble())))
                            .append(" |");
                }
                md.append('\n');
            }
        }
    }

    private static Function<JsonNode, Double> wrkLatency(String percentile) {
        return row -> row.path("latency_us").path(percentile).asDouble() / 1000.0;
    }

    private static Function<JsonNode, Double> ttft(String percentile) {
        return row -> row.path("ttft_us").path(percentile).asDouble() / 1000.0;
    }

    private double throughput(String contender, int connections) {
        return throughputFigure(contender, connections, "requestsPerSecond");
    }

    /** Median over rounds of one figure of the throughput runs ({@code requestsPerSecond}, {@code cpuMsPerRequest}). */
    private double throughputFigure(String contender, int connections, String field) {
        List<Double> values = new ArrayList<>();
        for (JsonNode row : results.path("throughput")) {
            if (row.path("contender").asText().equals(contender) && row.path("connections").asInt() == connections) {
                values.add(row.path(field).asDouble());
            }
        }
        return Stats.median(values);
    }

    private long throughputErrors(String contender) {
        long errors = 0;
        for (JsonNode row : results.path("throughput")) {
            if (row.path("contender").asText().equals(contender)) {
                JsonNode e = row.path("errors");
                errors += e.path("connect").asLong() + e.path("read").asLong() + e.path("write").asLong()
                        + e.path("status").asLong() + e.path("timeout").asLong();
            }
        }
        return errors;
    }

    private double rssMib(String contender, String when) {
        long kib = results.path("rssKib").path(contender).path(when).asLong(-1);
        return kib < 0 ? Double.NaN : kib / 1024.0;
    }

    // ---------------------------------------------------------------- markdown

    private String markdown() {
        var md = new StringBuilder();
        md.append("# End-to-end benchmark results\n\n");
        md.append("Generated by `scripts/bench/e2e.sh` on ").append(results.path("finished").asText()).append(" (")
                .append(results.path("machine").asText()).append("). Load average (1/5/15 min) at start `")
                .append(results.path("loadAverageAtStart").asText()).append("`, at end `")
                .append(results.path("loadAverageAtEnd").asText()).append("`. Client, contenders and fake provider ")
                .append("share the machine. The fake answers with ").append(results.path("fakeTextChunks").asInt())
                .append(" text chunks, each written on its own. ccbridge runs as `scripts/serve.sh` starts it, ")
                .append("with `scripts/ccbridge-jvm.options`:\n\n```\n")
                .append(results.path("ccbridgeJvmOptions").asText().strip()).append("\n```\n\n");
        md.append("Bodies: recorded from Claude Code 2.1.332 (`benchmarks/src/main/resources/dev/ccbridge/bench/bodies`): ");
        md.append(String.join(", ", java.util.Arrays.stream(RecordedBodies.values()).map(RecordedBodies::label).toList()));
        md.append(".\n\n");
        md.append("Warm figures: medians over ").append(rounds()).append(" interleaved rounds; *added* = contender minus ")
                .append("direct call in the same round. Times in ms.\n\n");

        md.append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        target(md, "non-stream added p50, small", added("latency", BRIDGE, RecordedBodies.SMALL, wrkLatency("p50")), 0.3,
                " ms");
        target(md, "non-stream added p50, medium", added("latency", BRIDGE, RecordedBodies.MEDIUM, wrkLatency("p50")), 0.8,
                " ms");
        target(md, "non-stream added p50, large", added("latency", BRIDGE, RecordedBodies.LARGE, wrkLatency("p50")), 4,
                " ms");
        target(md, "first text added p50, medium", added("firstText", BRIDGE, RecordedBodies.MEDIUM, ttft("p50")), 1,
                " ms");
        target(md, "first text added p99, medium", added("firstText", BRIDGE, RecordedBodies.MEDIUM, ttft("p99")), 3,
                " ms");
        double rps = throughput(BRIDGE, 16);
        md.append(String.format(Locale.ROOT, "| throughput, medium, 16 connections >= 2,000 req/s | %.0f req/s | %s |%n",
                rps, rps >= 2000 ? "yes" : "**no**"));
        target(md, "CPU per medium request (16 connections)", throughputFigure(BRIDGE, 16, "cpuMsPerRequest"), 0.3,
                " ms");
        for (JsonNode cold : results.path("coldStart")) {
            target(md, "first " + cold.path("requests").asInt() + " requests " + after(cold) + ", medium, whole answer added p50",
                    coldAdded(cold, "bridgeUs", "directUs", 0, Integer.MAX_VALUE, 50), 1.6, " ms");
        }
        JsonNode streams = results.path("concurrentStreams");
        if (!streams.isMissingNode()) {
            long errors = 0;
            List<Long> rss = new ArrayList<>();
            for (JsonNode wave : streams.path("waves")) {
                errors += wave.path("errors").asLong();
                rss.add(wave.path("rssKib").asLong() / 1024);
            }
            md.append(String.format(Locale.ROOT,
                    "| %d concurrent streams (%s requests, %d chunks %d ms apart), %d waves: errors; RSS after each wave (MiB) | %d; %s | %s |%n",
                    streams.path("streams").asInt(), streams.path("body").asText(), streams.path("textChunks").asInt(),
                    streams.path("intervalMs").asInt(), rss.size(), errors, rss,
                    errors == 0 && flat(rss) ? "yes" : "**no**"));
        }
        target(md, "idle RSS", rssMib(BRIDGE, "idle"), 80, " MiB");
        target(md, "RSS after load (10 s after the last phase)", rssMib(BRIDGE, "afterLoadIdle"), 200, " MiB");
        target(md, "RSS peak during the run (VmHWM)", Math.max(rssMib(BRIDGE, "peakFinal"), rssMib(BRIDGE, "peak")), 250,
                " MiB");
        JsonNode arrival = results.path("arrival");
        if (!arrival.isMissingNode()) {
            double lagMs = arrival.path("maxLagUs").asDouble() / 1000.0;
            double spreadMs = arrival.path("lagSpreadUs").asDouble() / 1000.0;
            md.append(String.format(Locale.ROOT,
                    "| stream bytes as they arrive: %d pieces %d ms apart; first text after %.1f ms, last after %.1f ms; "
                            + "lag of each piece behind the direct call: largest, and spread (max - min) | %.2f ms, %.2f ms | %s |%n",
                    arrival.path("pieces").asInt(), arrival.path("intervalMs").asInt(),
                    arrival.path("bridgeFirstTextMs").asDouble(), arrival.path("bridgeLastTextMs").asDouble(), lagMs,
                    spreadMs, lagMs < arrival.path("intervalMs").asDouble() / 2 ? "yes" : "**no**"));
        }

        for (JsonNode cold : results.path("coldStart")) {
            coldTable(md, cold);
        }
        latencyTable(md, "Non-stream latency, warm (wrk, 1 connection)", "latency", Report::wrkLatency);
        latencyTable(md, "Time to first streamed text, warm (one stream at a time)", "firstText", Report::ttft);

        md.append("\n## Throughput, medium non-stream bodies, warm (wrk)\n\n");
        md.append("| contender | req/s, 1 connection | 16 connections | 64 connections | CPU per request at 1 / 16 / 64 (ms) | errors |\n")
                .append("|---|---|---|---|---|---|\n");
        for (String c : names) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.3f / %.3f / %.3f | %d |%n", c,
                    throughput(c, 1), throughput(c, 16), throughput(c, 64), throughputFigure(c, 1, "cpuMsPerRequest"),
                    throughputFigure(c, 16, "cpuMsPerRequest"), throughputFigure(c, 64, "cpuMsPerRequest"),
                    throughputErrors(c)));
        }
        md.append("\nCPU per request: user + system time of the contender's processes during the run, divided by the ")
                .append("requests served (for *direct*, the fake provider's own).\n");

        md.append("\n## Memory (RSS, MiB; processes and their children)\n\n");
        md.append("| contender | idle, 30 s after the start | right after the wrk phases | peak | 10 s after the last phase |\n|---|---|---|---|---|\n");
        for (String c : names) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f |%n", c, rssMib(c, "idle"),
                    rssMib(c, "afterLoad"), Math.max(rssMib(c, "peak"), rssMib(c, "peakFinal")),
                    rssMib(c, "afterLoadIdle")));
        }
        JsonNode jfr = results.path("jfr");
        if (!jfr.isMissingNode()) {
            profile(md, jfr);
        }
        md.append("\n![latency and throughput](e2e-latency.png)\n");
        return md.toString();
    }

    // ---------------------------------------------------------------- cold start

    /** The added time of request pairs {@code from <= i < to} over every start, at a percentile, in ms. */
    private static double coldAdded(JsonNode cold, String bridge, String direct, int from, int to, double percentile) {
        List<Long> added = new ArrayList<>();
        for (JsonNode start : cold.path("starts")) {
            JsonNode pairs = start.path("pairs");
            for (int i = from; i < Math.min(to, pairs.size()); i++) {
                added.add(pairs.get(i).path(bridge).asLong() - pairs.get(i).path(direct).asLong());
            }
        }
        return Stats.percentile(added, percentile) / 1000.0;
    }

    /** "as soon as it accepts connections" or "20 s after the start". */
    private static String after(JsonNode cold) {
        int delay = cold.path("delaySeconds").asInt();
        return delay == 0 ? "as soon as it accepts connections" : delay + " s after the start";
    }

    private static void coldTable(StringBuilder md, JsonNode cold) {
        int n = cold.path("requests").asInt();
        md.append("\n## The first ").append(n).append(" requests, ").append(after(cold)).append("\n\n");
        md.append("ccbridge started ").append(cold.path("starts").size()).append(" times; each time, ").append(after(cold))
                .append(", ").append(n).append(" streamed `").append(cold.path("body").asText())
                .append("` requests one after another, each paired with the same request to the (warm) provider ")
                .append("directly. Added = ccbridge minus its direct pair, over all starts; ms.\n\n");
        md.append("| requests | whole answer added p50 | p90 | p99 | first text added p50 | p90 |\n|---|---|---|---|---|---|\n");
        int[][] ranges = {{0, 10}, {10, 50}, {50, n}, {0, n}};
        for (int[] r : ranges) {
            md.append(String.format(Locale.ROOT, "| %d-%d | %.2f | %.2f | %.2f | %.2f | %.2f |%n", r[0] + 1, r[1],
                    coldAdded(cold, "bridgeUs", "directUs", r[0], r[1], 50),
                    coldAdded(cold, "bridgeUs", "directUs", r[0], r[1], 90),
                    coldAdded(cold, "bridgeUs", "directUs", r[0], r[1], 99),
                    coldAdded(cold, "bridgeFirstTextUs", "directFirstTextUs", r[0], r[1], 50),
                    coldAdded(cold, "bridgeFirstTextUs", "directFirstTextUs", r[0], r[1], 90)));
        }
        md.append("\n| start | launch to accepting connections | CPU for the ").append(n)
                .append(" requests | per request | RSS after | peak RSS | errors |\n|---|---|---|---|---|---|---|\n");
        int i = 0;
        for (JsonNode start : cold.path("starts")) {
            md.append(String.format(Locale.ROOT, "| %d | %.0f ms | %d ms | %.2f ms | %.0f MiB | %.0f MiB | %d |%n", ++i,
                    start.path("listeningMs").asDouble(), start.path("cpuMs").asLong(),
                    start.path("cpuMs").asDouble() / Math.max(1, start.path("pairs").size()),
                    start.path("rssKib").asDouble() / 1024, start.path("peakRssKib").asDouble() / 1024,
                    start.path("errors").asInt()));
        }
    }

    // ---------------------------------------------------------------- profile

    private static void profile(StringBuilder md, JsonNode jfr) {
        md.append("\n## Profile of the warm ccbridge (JFR)\n\n");
        md.append("Recorded last (so that it weighs on no other figure), over ").append(jfr.path("seconds").asInt())
                .append(" s of wrk: medium bodies at 1 and at 16 connections, large at 1 (`jcmd JFR.start ")
                .append("settings=profile`); the file `")
                .append(jfr.path("file").asText()).append("` beside this report (open it in JDK Mission Control, or ")
                .append("`jfr view hot-methods`). ").append(jfr.path("executionSamples").asLong())
                .append(" execution samples; ").append(jfr.path("collections").asInt()).append(" collections took ")
                .append(jfr.path("gcMillis").asLong()).append(" ms in all.\n\n");
        profileTable(md, "Running when sampled (self)", jfr.path("selfTop"), "samples");
        profileTable(md, "ccbridge's methods with what they call (inclusive)", jfr.path("ccbridgeInclusiveTop"), "samples");
        profileTable(md, "Allocated (sampled weight, by class)", jfr.path("allocationTop"), "bytes");
    }

    private static void profileTable(StringBuilder md, String title, JsonNode rows, String unit) {
        md.append("**").append(title).append("**\n\n| method or class | ").append(unit).append(" | share |\n|---|---|---|\n");
        for (JsonNode row : rows) {
            md.append(String.format(Locale.ROOT, "| `%s` | %,d | %.1f %% |%n", row.path("name").asText(),
                    row.path("count").asLong(), row.path("percent").asDouble()));
        }
        md.append('\n');
    }

    private int rounds() {
        Set<Integer> rounds = new LinkedHashSet<>();
        results.path("latency").forEach(row -> rounds.add(row.path("round").asInt()));
        return rounds.size();
    }

    private static boolean flat(List<Long> rss) {
        if (rss.size() < 3) {
            return true;
        }
        long second = rss.get(1);
        return rss.getLast() <= second * 1.10 + 8;
    }

    private static void target(StringBuilder md, String name, double value, double limit, String unit) {
        md.append(String.format(Locale.ROOT, "| %s < %s%s | %.3f%s | %s |%n", name, fmt(limit), unit, value, unit,
                value < limit ? "yes" : "**no**"));
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    // ---------------------------------------------------------------- chart

    private void chart(Path out) throws IOException, InterruptedException {
        Path latency = Files.createTempFile("latency", ".dat");
        Path rps = Files.createTempFile("rps", ".dat");
        var lat = new StringBuilder("size");
        names.forEach(n -> lat.append(" \"").append(n).append('"'));
        lat.append('\n');
        for (RecordedBodies body : RecordedBodies.values()) {
            lat.append('"').append(body.label()).append('"');
            for (String c : names) {
                lat.append(' ').append(String.format(Locale.ROOT, "%.4f", Math.max(0.01, median("latency", c, body,
                        wrkLatency("p50")))));
            }
            lat.append('\n');
        }
        Files.writeString(latency, lat);
        var thr = new StringBuilder("conns");
        names.forEach(n -> thr.append(" \"").append(n).append('"'));
        thr.append('\n');
        for (int connections : new int[] {1, 16, 64}) {
            thr.append('"').append(connections).append(connections == 1 ? " conn\"" : " conns\"");
            for (String c : names) {
                thr.append(' ').append(String.format(Locale.ROOT, "%.1f", Math.max(0.1, throughput(c, connections))));
            }
            thr.append('\n');
        }
        Files.writeString(rps, thr);
        int columns = names.size() + 1;
        String script = """
                set terminal pngcairo size 1200,480 font "sans,10"
                set output '%s'
                set multiplot layout 1,2 title "ccbridge vs. direct call vs. claude-code-router (fake provider, this machine)"
                set style data histograms
                set style histogram clustered gap 1
                set style fill solid 0.85 border -1
                set boxwidth 0.9
                set key top left
                set grid ytics
                set logscale y
                set title "Non-stream latency p50 (ms, log scale), 1 connection"
                plot for [i=2:%d] '%s' using i:xtic(1) title columnheader(i)
                set title "Throughput, medium bodies (req/s, log scale)"
                plot for [i=2:%d] '%s' using i:xtic(1) title columnheader(i)
                unset multiplot
                """.formatted(out.resolve("e2e-latency.png"), columns, latency, columns, rps);
        Path gp = Files.createTempFile("chart", ".gp");
        Files.writeString(gp, script);
        Process gnuplot = new ProcessBuilder("gnuplot", gp.toString()).inheritIO().start();
        if (gnuplot.waitFor() != 0) {
            LoadBench.log("gnuplot failed; the Markdown table is complete without the chart");
        }
    }
}
