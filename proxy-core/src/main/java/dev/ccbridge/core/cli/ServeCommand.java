package dev.ccbridge.core.cli;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.env.EnvSnippets;
import dev.ccbridge.core.env.Shell;
import dev.ccbridge.core.log.HistoryRecorder;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.log.RequestLogFile;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.secrets.TargetReadiness;
import dev.ccbridge.core.server.PortInUseException;
import dev.ccbridge.core.server.GatewayServer;
import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.target.ConfigWatcher;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.warmup.WarmUp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ccbridge serve}: run the gateway in the foreground, one line per request. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the gateway in the foreground (Ctrl-C stops it).")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    @CommandLine.ParentCommand
    CcbridgeCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", description = "Port on 127.0.0.1 (default: from the config, 8787).")
    Integer port;

    @Option(names = "--quiet", description = "Do not print a line per request.")
    boolean quiet;

    @Option(names = "--request-log", paramLabel = "FILE",
            description = "Append every request (redacted, one JSON object per line) to this file.")
    Path requestLog;

    @Option(names = "--no-history", description = "Do not keep requests in the history (ccbridge log, usage).")
    boolean noHistory;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliContext cli = parent.context();
        cli.warnings().forEach(w -> err.println("warning: " + w));
        int chosenPort = port != null ? port : cli.registry().config().port();
        var log = new RequestLog();
        if (!quiet) {
            log.addListener(record -> {
                if (!record.inFlight() && record.rejection().map(RequestRecord.Rejected::reportable).orElse(true)) {
                    out.println(cli.redactor().redact(RequestLine.of(record)));
                    out.flush();
                }
            });
        }
        if (requestLog != null) {
            log.addListener(new RequestLogFile(requestLog, cli::redactor));
        }
        HistoryRecorder history = noHistory ? null : keepHistory(cli, log, err);
        var server = new GatewayServer(GatewayContext.standard(cli.registry(), cli.keyStorage().store(), log),
                ServerSettings.onPort(chosenPort));
        try {
            server.start();
        } catch (PortInUseException e) {
            err.println("ccbridge: " + e.getMessage());
            return 1;
        }
        WarmUp.startInBackground(server::activeRequests);
        try {
            ConfigWatcher.start(cli.store(), cli.registry());
        } catch (java.io.IOException e) {
            err.println("warning: config changes made while running will need a restart: " + e.getMessage());
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (history != null) {
                history.close();
            }
            stopped.countDown();
        }, "ccbridge-shutdown"));

        out.println("ccbridge listening on " + server.baseUrl());
        out.println("Config: " + cli.store().file());
        if (history != null) {
            out.println("History: " + cli.historyFile() + "  (ccbridge log, ccbridge usage)");
        }
        switch (cli.keys().readiness(cli.registry().active())) {
            case TargetReadiness.Ready ready -> out.println("Active target: " + describe(ready.target()) + "  ("
                    + KeyWords.of(ready.target(), cli.keys()) + ")");
            case TargetReadiness.MissingKey missing -> {
                out.println("Active target: " + describe(missing.target()));
                out.println("Warning: " + missing.headline() + ": " + missing.ways()
                        + ". Until it has one, every request fails (401).");
            }
            case TargetReadiness.NoTarget _ -> out.println("No active target: add one with `ccbridge targets add`.");
        }
        out.println();
        out.println("Point Claude Code at it (bash/zsh):");
        out.print(EnvSnippets.render(Shell.BASH,
                EnvSnippets.variables(server.baseUrl(), cli.registry().installToken(), System.getenv())).indent(2));
        out.println("Other shells: ccbridge env --shell fish|powershell|cmd");
        out.println();
        out.flush();
        stopped.await();
        return 0;
    }

    /** Records finished requests into the history the app shares; without one, says why and serves on. */
    private static HistoryRecorder keepHistory(CliContext cli, RequestLog log, PrintWriter err) {
        cli.keys(); // the keys first, so the history redacts them too
        try {
            return new HistoryRecorder(log, cli.history());
        } catch (RuntimeException e) {
            err.println("warning: requests are not kept in the history: " + e.getMessage());
            return null;
        }
    }

    static String describe(Target target) {
        return target.displayName() + " [" + target.id() + "] " + target.apiMode() + " " + target.model()
                + " at " + target.baseUrl();
    }
}
