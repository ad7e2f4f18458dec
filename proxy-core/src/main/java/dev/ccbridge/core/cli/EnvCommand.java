package dev.ccbridge.core.cli;

import dev.ccbridge.core.env.ClaudeSettingsCheck;
import dev.ccbridge.core.env.EnvSnippets;
import dev.ccbridge.core.env.Shell;
import dev.ccbridge.core.target.Target;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ccbridge env}: the variables that point Claude Code at ccbridge, for one shell. */
@Command(name = "env", mixinStandardHelpOptions = true, description = {
        "Print the environment variables for Claude Code (eval-able).",
        "Warns on stderr when a Claude Code settings file would override them."})
final class EnvCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    CcbridgeCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--shell", defaultValue = "bash", description = "bash, zsh, fish, powershell or cmd.")
    String shell;

    @Option(names = "--target", paramLabel = "ID",
            description = "Pin this terminal to one target (its own URL and token) instead of the active one.")
    String target;

    @Override
    public Integer call() {
        CliContext cli = parent.context();
        String base = EnvSnippets.gatewayUrl(cli.registry().config().port());
        String url = base;
        String token = cli.registry().installToken();
        if (target != null) {
            Target pinned = cli.registry().byId(target).orElse(null);
            if (pinned == null) {
                spec.commandLine().getErr().println("ccbridge: no target '" + target + "'");
                return 1;
            }
            url = pinned.pinnedUrl(base);
            token = pinned.token();
        }
        Map<String, String> variables = EnvSnippets.variables(url, token, System.getenv());
        spec.commandLine().getOut().print(EnvSnippets.render(Shell.parse(shell), variables));
        for (String warning : ClaudeSettingsCheck.of(System.getenv(), Path.of("").toAbsolutePath()).warnings(variables)) {
            spec.commandLine().getErr().println("warning: " + warning);
        }
        return 0;
    }
}
