package dev.ccbridge.core.cli;

import dev.ccbridge.core.Gateway;
import dev.ccbridge.core.env.EnvSnippets;
import dev.ccbridge.core.env.Shell;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.log.RequestLogFile;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.server.PortInUseException;
import dev.ccbridge.core.server.ProxyServer;
import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.target.ConfigWatcher;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.warmup.WarmUp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ccbridge serve}: run the gateway in the foreground, one line per request. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the gateway in the foreground (Ctrl-C stops it).")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

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
                if (!record.inFlight()) {
                    out.println(redactor(cli).redact(line(record)));
                    out.flush();
                }
            });
        }
        if (requestLog != null) {
            log.addListener(new RequestLogFile(requestLog, () -> redactor(cli)));
        }
        var server = new ProxyServer(Gateway.context(cli.registry(), cli.secrets(), log), ServerSettings.onPort(chosenPort));
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
            stopped.countDown();
        }, "ccbridge-shutdown"));

        out.println("ccbridge listening on " + server.baseUrl());
        out.println("Config: " + cli.store().file());
        cli.registry().active().ifPresentOrElse(
                target -> out.println("Active target: " + describe(target)
                        + (cli.keys().keyFor(target).isEmpty() && target.apiKeyEnv() != null
                        ? "  (no key yet: " + cli.keys().whereToPut(target) + ")" : "")),
                () -> out.println("No active target: add one with `ccbridge targets add`."));
        out.println();
        out.println("Point Claude Code at it (bash/zsh):");
        out.print(EnvSnippets.render(Shell.BASH,
                EnvSnippets.variables(server.baseUrl(), cli.registry().installToken())).indent(2));
        out.println("Other shells: ccbridge env --shell fish|powershell|cmd");
        out.println();
        out.flush();
        stopped.await();
        return 0;
    }

    /** Scrubs every target's key (as they are now) and the install and target tokens. */
    private static Redactor redactor(CliContext cli) {
        List<String> secrets = new ArrayList<>();
        secrets.add(cli.registry().installToken());
        for (Target target : cli.registry().targets()) {
            cli.keys().keyFor(target).ifPresent(secrets::add);
            secrets.add(target.token());
        }
        return new Redactor(secrets);
    }

    static String describe(Target target) {
        return target.displayName() + " [" + target.id() + "] " + target.apiMode() + " " + target.model()
                + " at " + target.baseUrl();
    }

    static String line(RequestRecord r) {
        var line = new StringBuilder()
                .append(TIME.format(r.startedAt())).append("  ")
                .append(r.status()).append("  ")
                .append(r.targetId()).append("  ")
                .append(r.requestedModel()).append(" -> ").append(r.upstreamModel())
                .append(r.stream() ? "  stream" : "  json")
                .append("  ").append(String.format("%.1f s", r.durationMillis() / 1000.0));
        if (r.usage() != null) {
            line.append("  in ").append(r.usage().promptTotal()).append(" out ").append(r.usage().outputTokens());
        }
        if (r.errorMessage() != null) {
            line.append("  ").append(r.errorType()).append(": ").append(r.errorMessage());
        }
        return line.toString();
    }
}
