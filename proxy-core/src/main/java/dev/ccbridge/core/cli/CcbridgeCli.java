package dev.ccbridge.core.cli;

import dev.ccbridge.core.Version;
import dev.ccbridge.core.log.Redactor;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ccbridge}: the headless command line of the gateway. */
@Command(name = "ccbridge", mixinStandardHelpOptions = true, versionProvider = CcbridgeCli.VersionProvider.class,
        description = "Claude Code Bridge: use Claude Code with any model provider.",
        subcommands = {ServeCommand.class, TargetsCommand.class, KeysCommand.class, RoutingCommand.class,
                PricingCommand.class, SearchCommand.class, EnvCommand.class, TestCommand.class, LogCommand.class, UsageCommand.class,
                ReplayCommand.class, TokenCommand.class, CommandLine.HelpCommand.class})
public final class CcbridgeCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "Config file (default: $CCBRIDGE_HOME/config.json or the platform config dir).")
    Path config;

    private CliContext context;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command; everything it printed has reached stdout and stderr when this returns. */
    public static int run(String... args) {
        CommandLine commandLine = commandLine();
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.<CcbridgeCli>getCommand().closeContext();
            // picocli's writers flush only on println: a command ending in print() would lose its output at exit.
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    public static CommandLine commandLine() {
        var commandLine = new CommandLine(new CcbridgeCli());
        // One stdout and one stderr writer for every subcommand, so flushing the root's flushes all.
        commandLine.setOut(commandLine.getOut());
        commandLine.setErr(commandLine.getErr());
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            cl.getErr().println("ccbridge: " + Redactor.patternsOnly().redact(String.valueOf(e.getMessage())));
            return 1;
        });
        return commandLine;
    }

    /** The names of the commands ({@code serve}, {@code targets}, ...), for launchers that also do other things. */
    public static Set<String> commandNames() {
        return Set.copyOf(commandLine().getSubcommands().keySet());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The config (and, on demand, the keys) of this run; closed when the command is done. */
    CliContext context() {
        if (context == null) {
            context = CliContext.open(config, spec.commandLine().getErr());
        }
        return context;
    }

    private void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ccbridge " + Version.current()};
        }
    }
}
