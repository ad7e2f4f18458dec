package dev.ccbridge.core.cli;

import dev.ccbridge.core.routing.RoutingRules;
import dev.ccbridge.core.target.RoutingRule;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ccbridge routing list|add|remove}: rules that send some requests to another target. */
@Command(name = "routing", mixinStandardHelpOptions = true,
        description = "Rules that send some requests to another target (haiku work, images, long contexts, ...).",
        subcommands = {RoutingCommand.ListRules.class, RoutingCommand.Add.class, RoutingCommand.Remove.class})
final class RoutingCommand implements Runnable {
    private static final String CONDITIONS = "haiku, sonnet, opus, image, long_context, thinking, web_search";

    @CommandLine.ParentCommand
    CcbridgeCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    RoutingRules rules() {
        return new RoutingRules(parent.context().registry());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the rules: each target's own (tried first), then the global ones.")
    static final class ListRules implements Callable<Integer> {
        @CommandLine.ParentCommand
        RoutingCommand routing;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<RoutingRules.Placed> rules = routing.rules().all();
            PrintWriter out = spec.commandLine().getOut();
            rules.forEach(placed -> out.println(placed.scope() + " #" + placed.number() + ": " + placed.rule().describe()));
            if (rules.isEmpty()) {
                out.println("No routing rules: every request goes to the target Claude Code addresses. Add one with: "
                        + "ccbridge routing add --when haiku --to groq");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a rule (at the end of its scope).")
    static final class Add implements Callable<Integer> {
        @CommandLine.ParentCommand
        RoutingCommand routing;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--when", required = true, paramLabel = "KIND", description = "One of: " + CONDITIONS + ".")
        String when;

        @Option(names = "--to", required = true, paramLabel = "TARGET", description = "The target that answers.")
        String to;

        @Option(names = "--model", paramLabel = "MODEL", description = "A model of that target (default: its mapping).")
        String model;

        @Option(names = "--above", paramLabel = "TOKENS",
                description = "For long_context: the prompt size beyond which the rule applies (default: the model's window).")
        Long above;

        @Option(names = "--for", paramLabel = "TARGET",
                description = "Only for requests to this target (default: every target, after its own rules).")
        String forTarget;

        @Override
        public Integer call() {
            RoutingRule.Condition condition = RoutingRule.Condition.of(when);
            if (condition == RoutingRule.Condition.UNKNOWN) {
                throw new IllegalArgumentException("--when must be one of: " + CONDITIONS);
            }
            RoutingRules.Placed added = routing.rules().add(forTarget,
                    new RoutingRule(condition, to, blankToNull(model), above));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Added to the " + added.scope() + " rules: " + added.rule().describe());
            out.flush();
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a rule by its number in 'routing list'.")
    static final class Remove implements Callable<Integer> {
        @CommandLine.ParentCommand
        RoutingCommand routing;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NUMBER", description = "The rule's number in its scope.")
        int number;

        @Option(names = "--for", paramLabel = "TARGET", description = "The rule is one of this target's own.")
        String forTarget;

        @Override
        public Integer call() {
            RoutingRules.Placed removed = routing.rules().remove(forTarget, number);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Removed from the " + removed.scope() + " rules: " + removed.rule().describe());
            out.flush();
            return 0;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
