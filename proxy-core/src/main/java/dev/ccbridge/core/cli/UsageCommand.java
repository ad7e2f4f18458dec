package dev.ccbridge.core.cli;

import dev.ccbridge.core.log.RequestStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ccbridge usage}: requests, errors and tokens per target and day from the history the
 * app and {@code serve} keep, then per target and in all. Refused requests are not usage.
 */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = "Requests, errors and tokens per target and day (from the history), with totals.")
final class UsageCommand implements Callable<Integer> {
    private static final String FORMAT = "%-10s  %-16s  %8s  %6s  %12s  %10s  %12s  %12s%n";

    @CommandLine.ParentCommand
    CcbridgeCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30",
            description = "The last N days, today included (default: ${DEFAULT-VALUE}).")
    int days;

    /** Sums of some rows: one target's, or all. */
    private record Sum(long requests, long errors, long input, long output, long cacheRead, long cacheWrite) {
        static final Sum ZERO = new Sum(0, 0, 0, 0, 0, 0);

        static Sum of(RequestStore.DailyUsage row) {
            return new Sum(row.requests(), row.errors(), row.inputTokens(), row.outputTokens(), row.cacheReadTokens(),
                    row.cacheCreationTokens());
        }

        Sum plus(Sum other) {
            return new Sum(requests + other.requests, errors + other.errors, input + other.input,
                    output + other.output, cacheRead + other.cacheRead, cacheWrite + other.cacheWrite);
        }

        /** Everything the prompts took: input Anthropic-style excludes cache reads and writes. */
        long prompt() {
            return input + cacheRead + cacheWrite;
        }
    }

    @Override
    public Integer call() {
        if (days < 1) {
            spec.commandLine().getErr().println("ccbridge: --days must be at least 1");
            return 2;
        }
        CliContext cli = parent.context();
        List<RequestStore.DailyUsage> rows = cli.history().usage(days);
        PrintWriter out = spec.commandLine().getOut();
        String period = days == 1 ? "today" : "in the last " + days + " days";
        if (rows.isEmpty()) {
            out.println("No requests " + period + " (" + cli.historyFile() + ").");
            return 0;
        }
        out.println("Usage " + period + " (input tokens include cache reads and writes):");
        out.println();
        header(out, "day");
        Map<String, Sum> perTarget = new LinkedHashMap<>();
        Sum all = Sum.ZERO;
        for (RequestStore.DailyUsage row : rows) {
            line(out, row.day().toString(), target(row), Sum.of(row));
            perTarget.merge(target(row), Sum.of(row), Sum::plus);
            all = all.plus(Sum.of(row));
        }
        out.println();
        header(out, "");
        List<Map.Entry<String, Sum>> targets = new ArrayList<>(perTarget.entrySet());
        targets.sort((a, b) -> Long.compare(b.getValue().requests, a.getValue().requests));
        for (Map.Entry<String, Sum> target : targets) {
            line(out, "total", target.getKey(), target.getValue());
        }
        line(out, "total", "all targets", all);
        return 0;
    }

    private static String target(RequestStore.DailyUsage row) {
        return row.targetId().isEmpty() && row.targetName() != null ? row.targetName() : row.targetId();
    }

    private static void header(PrintWriter out, String first) {
        out.printf(Locale.ROOT, FORMAT, first, "target", "requests", "errors", "input tokens", "output", "cache read",
                "cache write");
    }

    private static void line(PrintWriter out, String first, String target, Sum sum) {
        out.printf(Locale.ROOT, FORMAT, first, target, sum.requests, sum.errors, sum.prompt(), sum.output,
                sum.cacheRead, sum.cacheWrite);
    }
}
