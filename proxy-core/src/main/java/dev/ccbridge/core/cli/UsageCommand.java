package dev.ccbridge.core.cli;

import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.log.UsageReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ccbridge usage}: requests, errors, tokens and cost per target and day from the history
 * the app and {@code serve} keep, then per target and in all. Refused requests are not usage.
 */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = "Requests, errors, tokens and cost per target and day (from the history), with totals.")
final class UsageCommand implements Callable<Integer> {
    private static final String FORMAT = "%-10s  %-16s  %8s  %6s  %12s  %10s  %12s  %12s  %10s%n";

    @CommandLine.ParentCommand
    CcbridgeCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30",
            description = "The last N days, today included (default: ${DEFAULT-VALUE}).")
    int days;

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
        UsageReport report = UsageReport.of(rows, UsageCommand::target);
        out.println("Usage " + period + " (input tokens include cache reads and writes; cost in US$, "
                + "- where no price is known, + where some requests had none):");
        out.println();
        header(out, "day");
        report.days().forEach(line -> line(out, line.day().toString(), line));
        out.println();
        header(out, "");
        report.targets().forEach(line -> line(out, "total", line));
        line(out, "total", report.total());
        return 0;
    }

    private static String target(RequestStore.DailyUsage row) {
        return row.targetId().isEmpty() && row.targetName() != null ? row.targetName() : row.targetId();
    }

    private static void header(PrintWriter out, String first) {
        out.printf(Locale.ROOT, FORMAT, first, "target", "requests", "errors", "input tokens", "output", "cache read",
                "cache write", "cost");
    }

    private static void line(PrintWriter out, String first, UsageReport.Line line) {
        out.printf(Locale.ROOT, FORMAT, first, line.total() ? "all targets" : line.target(), line.requests(), line.errors(), line.promptTokens(),
                line.outputTokens(), line.cacheReadTokens(), line.cacheWriteTokens(), line.costText());
    }
}
