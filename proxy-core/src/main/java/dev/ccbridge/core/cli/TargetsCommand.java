package dev.ccbridge.core.cli;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.ModelTiers;
import dev.ccbridge.core.target.Target;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ccbridge targets list|add|remove|activate}. */
@Command(name = "targets", mixinStandardHelpOptions = true, description = "List and edit provider targets.",
        subcommands = {TargetsCommand.ListTargets.class, TargetsCommand.Add.class, TargetsCommand.Remove.class,
                TargetsCommand.Activate.class})
final class TargetsCommand implements Runnable {
    @CommandLine.ParentCommand
    CcbridgeCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        new ListTargets().print(parent.context(), spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the targets; * marks the active one.")
    static final class ListTargets implements Callable<Integer> {
        @CommandLine.ParentCommand
        TargetsCommand targets;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            print(targets.parent.context(), spec.commandLine().getOut());
            return 0;
        }

        void print(CliContext cli, PrintWriter out) {
            String active = cli.registry().config().activeTarget();
            for (Target target : cli.registry().targets()) {
                String key = cli.keys().keyFor(target).isPresent() ? "key set" : "no key";
                out.printf("%s %-14s %-18s %-20s %-28s %s (%s)%n", target.id().equals(active) ? "*" : " ",
                        target.id(), target.apiMode(), target.model(), target.baseUrl(), target.displayName(), key);
            }
            if (cli.registry().targets().isEmpty()) {
                out.println("No targets. Add one with: ccbridge targets add --name ... --base-url ... --model ...");
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a target (or update the one with the same provider, model, mode and URL).")
    static final class Add implements Callable<Integer> {
        @CommandLine.ParentCommand
        TargetsCommand targets;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--name", required = true, description = "Display name, e.g. \"DeepSeek\".")
        String name;

        @Option(names = "--provider", description = "Provider id, e.g. openai, deepseek, openrouter (default: from the name).")
        String provider;

        @Option(names = "--base-url", required = true, description = "e.g. https://api.deepseek.com")
        String baseUrl;

        @Option(names = "--model", required = true, description = "Default upstream model.")
        String model;

        @Option(names = "--mode", defaultValue = "chat_completions",
                description = "API mode: chat_completions, codex_responses, anthropic_messages, bedrock_converse.")
        String mode;

        @Option(names = "--opus", description = "Model for Claude Code's opus tier.")
        String opus;

        @Option(names = "--sonnet", description = "Model for the sonnet tier.")
        String sonnet;

        @Option(names = "--haiku", description = "Model for the haiku tier (background work: pick a fast one).")
        String haiku;

        @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key.")
        String apiKeyEnv;

        @Option(names = "--header", paramLabel = "NAME=VALUE", description = "Extra header sent upstream (repeatable).")
        Map<String, String> headers = new LinkedHashMap<>();

        @Option(names = "--option", paramLabel = "KEY=VALUE", description = "Mode option, e.g. region=us-east-1 (repeatable).")
        Map<String, String> options = new LinkedHashMap<>();

        @Option(names = "--activate", description = "Make it the active target.")
        boolean activate;

        @Override
        public Integer call() {
            ApiMode apiMode = ApiMode.fromWire(mode);
            String providerId = provider != null ? provider : dev.ccbridge.core.target.TargetIds.slug(name);
            var target = new Target(null, name, providerId, baseUrl, model, apiMode, new ModelTiers(opus, sonnet, haiku),
                    List.of(), headers, apiKeyEnv, null, options, null, null);
            CliContext cli = targets.parent.context();
            Target stored = cli.registry().put(target);
            if (activate) {
                cli.registry().activate(stored.id());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Saved target '" + stored.id() + "'" + (activate ? " (active)" : "") + ".");
            if (cli.keys().keyFor(stored).isEmpty()) {
                out.println("Its API key: " + cli.keys().whereToPut(stored) + ".");
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a target.")
    static final class Remove implements Callable<Integer> {
        @CommandLine.ParentCommand
        TargetsCommand targets;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            CliContext cli = targets.parent.context();
            if (cli.registry().byId(id).isEmpty()) {
                spec.commandLine().getErr().println("ccbridge: no target '" + id + "'");
                return 1;
            }
            cli.registry().remove(id);
            spec.commandLine().getOut().println("Removed target '" + id + "'.");
            return 0;
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Make a target the active one (takes effect on the next request).")
    static final class Activate implements Callable<Integer> {
        @CommandLine.ParentCommand
        TargetsCommand targets;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            CliContext cli = targets.parent.context();
            if (cli.registry().byId(id).isEmpty()) {
                spec.commandLine().getErr().println("ccbridge: no target '" + id + "'");
                return 1;
            }
            cli.registry().activate(id);
            spec.commandLine().getOut().println("Active target: " + id
                    + ". A running ccbridge picks this up on its next request if it shares this config file.");
            return 0;
        }
    }
}
