package dev.ccbridge.core.cli;

import dev.ccbridge.core.target.RoutingRule;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
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

    /** The rules of one scope: a target's own, or the global ones. */
    private record Scope(String label, List<RoutingRule> rules, java.util.function.Consumer<List<RoutingRule>> save) {
        static Scope of(TargetRegistry registry, String targetId) {
            if (targetId == null) {
                return new Scope("global", registry.config().routing(), registry::setRouting);
            }
            Target target = registry.byId(targetId).orElseThrow(() ->
                    new IllegalArgumentException("no target '" + targetId + "'"));
            return new Scope("target " + targetId, target.routing(),
                    rules -> registry.replace(targetId, target.toBuilder().routing(rules).build()));
        }
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
            TargetRegistry registry = routing.parent.context().registry();
            PrintWriter out = spec.commandLine().getOut();
            boolean any = false;
            for (Target target : registry.targets()) {
                any |= print(out, "target " + target.id(), target.routing());
            }
            any |= print(out, "global", registry.config().routing());
            if (!any) {
                out.println("No routing rules: every request goes to the target Claude Code addresses. Add one with: "
                        + "ccbridge routing add --when haiku --to groq");
            }
            out.flush();
            return 0;
        }

        private static boolean print(PrintWriter out, String label, List<RoutingRule> rules) {
            for (int i = 0; i < rules.size(); i++) {
                out.println(label + " #" + (i + 1) + ": " + rules.get(i).describe());
            }
            return !rules.isEmpty();
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
            TargetRegistry registry = routing.parent.context().registry();
            if (registry.byId(to).isEmpty()) {
                throw new IllegalArgumentException("no target '" + to + "' (see: ccbridge targets list)");
            }
            Scope scope = Scope.of(registry, forTarget);
            var rule = new RoutingRule(condition, to, blankToNull(model), above);
            List<RoutingRule> rules = new ArrayList<>(scope.rules());
            rules.add(rule);
            scope.save().accept(rules);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Added to the " + scope.label() + " rules: " + rule.describe());
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
            Scope scope = Scope.of(routing.parent.context().registry(), forTarget);
            if (number < 1 || number > scope.rules().size()) {
                throw new IllegalArgumentException("the " + scope.label() + " rules have no #" + number
                        + " (see: ccbridge routing list)");
            }
            List<RoutingRule> rules = new ArrayList<>(scope.rules());
            RoutingRule removed = rules.remove(number - 1);
            scope.save().accept(rules);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Removed from the " + scope.label() + " rules: " + removed.describe());
            out.flush();
            return 0;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
