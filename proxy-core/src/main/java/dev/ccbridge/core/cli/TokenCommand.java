package dev.ccbridge.core.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ccbridge token rotate}: replace the install token, or one target's token. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Show or rotate ccbridge's local auth tokens.",
        subcommands = TokenCommand.Rotate.class)
final class TokenCommand implements Runnable {
    @CommandLine.ParentCommand
    CcbridgeCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true, description = "Issue a new token; the old one stops working at once.")
    static final class Rotate implements Callable<Integer> {
        @CommandLine.ParentCommand
        TokenCommand token;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--target", paramLabel = "ID", description = "Rotate this target's token instead of the install token.")
        String target;

        @Override
        public Integer call() {
            CliContext cli = token.parent.context();
            if (target != null && cli.registry().byId(target).isEmpty()) {
                spec.commandLine().getErr().println("ccbridge: no target '" + target + "'");
                return 1;
            }
            String fresh = target == null ? cli.registry().rotateInstallToken() : cli.registry().rotateToken(target);
            spec.commandLine().getOut().println("New token: " + fresh);
            spec.commandLine().getOut().println("Update ANTHROPIC_AUTH_TOKEN (ccbridge env prints the snippet).");
            return 0;
        }
    }
}
