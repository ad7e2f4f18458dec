package dev.ccbridge.core.cli;

import dev.ccbridge.core.Version;
import dev.ccbridge.core.log.Redactor;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ccbridge}: the headless command line of the gateway. */
@Command(name = "ccbridge", mixinStandardHelpOptions = true, versionProvider = CcbridgeCli.VersionProvider.class,
        description = "Claude Code Bridge: use Claude Code with any model provider.",
        subcommands = {ServeCommand.class, TargetsCommand.class, EnvCommand.class, TestCommand.class,
                TokenCommand.class, SearchCommand.class, CommandLine.HelpCommand.class})
public final class CcbridgeCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "Config file (default: $CCBRIDGE_HOME/config.json or the platform config dir).")
    Path config;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        var commandLine = new CommandLine(new CcbridgeCli());
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            cl.getErr().println("ccbridge: " + Redactor.patternsOnly().redact(String.valueOf(e.getMessage())));
            return 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    CliContext context() {
        return CliContext.open(config);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ccbridge " + Version.current()};
        }
    }
}
