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

    /** Median over rounds of a contender's figure for one size. */
    private double median(String section, String contender, int kb, Function<JsonNode, Double> figure) {
        List<Double> values = new ArrayList<>();
        for (JsonNode row : results.path(section)) {
            if (row.path("contender").asText().equals(contender) && row.path("kb").asInt() == kb) {
                values.add(figure.apply(row));
            }
        }
        return Stats.median(values);
    }

    /** Median over rounds of (contender - direct) in the same round and size. */
    private double added(String section, String contender, int kb, Function<JsonNode, Double> figure) {
        List<Double> values = new ArrayList<>();
        for (JsonNode row : results.path(section)) {
            if (!row.path("contender").asText().equals(contender) || row.path("kb").asInt() != kb) {
                continue;
            }
            for (JsonNode base : results.path(section)) {
                if (base.path("contender").asText().equals(DIRECT) && base.path("kb").asInt() == kb
                        && base.path("round").asInt() == row.path("round").asInt()) {
                    values.add(figure.apply(row) - figure.apply(base));
                }
            }
        }
        return Stats.median(values);
    }

    /** p50 and p99 per body size and contender, and what each adds over the direct call. */
    private void latencyTable(StringBuilder md, String title, String section,
                              Function<String, Function<JsonNode, Double>> percentile) {
        md.append("\n## ").append(title).append("\n\n");
        md.append("| body | contender | p50 | p99 | added p50 | added p99 |\n|---|---|---|---|---|---|\n");
        for (int kb : BodySets.SIZES_KB) {
            for (String c : names) {
                md.append(String.format(Locale.ROOT, "| %d KB | %s | %.3f | %.3f | %s | %s |%n", kb, c,
                        median(section, c, kb, percentile.apply("p50")), median(section, c, kb, percentile.apply("p99")),
                        c.equals(DIRECT) ? "" : fmt(added(section, c, kb, percentile.apply("p50"))),
                        c.equals(DIRECT) ? "" : fmt(added(section, c, kb, percentile.apply("p99")))));
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
        List<Double> values = new ArrayList<>();
        for (JsonNode row : results.path("throughput")) {
            if (row.path("contender").asText().equals(contender) && row.path("connections").asInt() == connections) {
                values.add(row.path("requestsPerSecond").asDouble());
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
                .append(" text chunks. ccbridge JVM options: `").append(results.path("ccbridgeJvmOptions").asText())
                .append("`.\n\n");
        md.append("Medians over ").append(rounds()).append(" interleaved rounds; *added* = contender minus direct call ")
                .append("in the same round. Times in ms.\n\n");

        md.append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        target(md, "non-stream added p50, 1 KB", added("latency", BRIDGE, 1, wrkLatency("p50")), 0.3, " ms");
        target(md, "non-stream added p50, 50 KB", added("latency", BRIDGE, 50, wrkLatency("p50")), 0.8, " ms");
        target(md, "non-stream added p50, 500 KB", added("latency", BRIDGE, 500, wrkLatency("p50")), 4, " ms");
        target(md, "first text added p50, 50 KB", added("firstText", BRIDGE, 50, ttft("p50")), 1, " ms");
        target(md, "first text added p99, 50 KB", added("firstText", BRIDGE, 50, ttft("p99")), 3, " ms");
        double rps = throughput(BRIDGE, 16);
        md.append(String.format(Locale.ROOT, "| throughput, 50 KB, 16 connections | %.0f req/s | %s |%n", rps,
                rps >= 1500 ? "yes" : "**no**"));
        JsonNode streams = results.path("concurrentStreams");
        if (!streams.isMissingNode()) {
            long errors = 0;
            List<Long> rss = new ArrayList<>();
            for (JsonNode wave : streams.path("waves")) {
                errors += wave.path("errors").asLong();
                rss.add(wave.path("rssKib").asLong() / 1024);
            }
            md.append(String.format(Locale.ROOT,
                    "| %d concurrent streams (%d KB requests, %d chunks %d ms apart), %d waves: errors; RSS after each wave (MiB) | %d; %s | %s |%n",
                    streams.path("streams").asInt(), streams.path("bodyKb").asInt(), streams.path("textChunks").asInt(),
                    streams.path("intervalMs").asInt(), rss.size(), errors, rss,
                    errors == 0 && flat(rss) ? "yes" : "**no**"));
        }
        double idle = rssMib(BRIDGE, "idle");
        target(md, "idle RSS", idle, 100, " MiB");
        target(md, "RSS after load (10 s after the last phase)", rssMib(BRIDGE, "afterLoadIdle"), 250, " MiB");
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

        latencyTable(md, "Non-stream latency (wrk, 1 connection)", "latency", Report::wrkLatency);
        latencyTable(md, "Time to first streamed text (one stream at a time)", "firstText", Report::ttft);

        md.append("\n## Throughput, 50 KB non-stream bodies (wrk, req/s)\n\n");
        md.append("| contender | 1 connection | 16 connections | 64 connections | errors |\n|---|---|---|---|---|\n");
        for (String c : names) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %d |%n", c, throughput(c, 1),
                    throughput(c, 16), throughput(c, 64), throughputErrors(c)));
        }

        md.append("\n## Memory (RSS, MiB; processes and their children)\n\n");
        md.append("| contender | idle after start | right after the wrk phases | peak | 10 s after the last phase |\n|---|---|---|---|---|\n");
        for (String c : names) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f |%n", c, rssMib(c, "idle"),
                    rssMib(c, "afterLoad"), Math.max(rssMib(c, "peak"), rssMib(c, "peakFinal")),
                    rssMib(c, "afterLoadIdle")));
        }
        md.append("\n![latency and throughput](e2e-latency.png)\n");
        return md.toString();
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
        for (int kb : BodySets.SIZES_KB) {
            lat.append('"').append(kb).append(" KB\"");
            for (String c : names) {
                lat.append(' ').append(String.format(Locale.ROOT, "%.4f", Math.max(0.01, median("latency", c, kb,
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
                set title "Throughput, 50 KB bodies (req/s, log scale)"
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
