package dev.ccbridge.core.cli;

import dev.ccbridge.core.pricing.Costs;
import dev.ccbridge.core.pricing.Price;
import dev.ccbridge.core.pricing.PriceMatch;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ccbridge pricing list|set|clear}: the prices cost is computed with, per target and model,
 * and a target's own prices over the bundled ones.
 */
@Command(name = "pricing", mixinStandardHelpOptions = true,
        description = "The prices (US$ per million tokens) behind the cost in 'log' and 'usage', and a target's own.",
        subcommands = {PricingCommand.ListPrices.class, PricingCommand.SetPrices.class, PricingCommand.Clear.class})
final class PricingCommand implements Runnable {
    @CommandLine.ParentCommand
    CcbridgeCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Each target's models with their prices and where the prices come from.")
    static final class ListPrices implements Callable<Integer> {
        @CommandLine.ParentCommand
        PricingCommand pricing;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Target target : pricing.parent.context().registry().targets()) {
                for (String model : models(target)) {
                    out.printf(Locale.ROOT, "%-14s %-34s %-56s %s%n", target.id(), model,
                            Costs.builtIn().priceOf(target.provider(), target.pricing(), model, Usage.ZERO).describe(),
                            origin(target, model));
                }
            }
            out.flush();
            return 0;
        }

        /** The target's model and its tiers' models, each once. */
        private static Set<String> models(Target target) {
            Set<String> models = new LinkedHashSet<>();
            Stream.of(target.model(), target.tiers().opus(), target.tiers().sonnet(), target.tiers().haiku())
                    .filter(model -> model != null && !model.isBlank()).forEach(models::add);
            return models.isEmpty() ? Set.of("(Claude's ids)") : models;
        }

        private static String origin(Target target, String model) {
            Optional<PriceMatch> bundled = Costs.builtIn().bundled(target.provider(), model);
            if (target.pricing() != null) {
                return "own prices" + bundled.map(match -> " over the bundled ones (" + match.describe() + ")")
                        .orElse("");
            }
            return bundled.map(PriceMatch::describe).orElse("no price known: ccbridge pricing set " + target.id()
                    + " --input N --output N");
        }
    }

    /** A command on one target's own prices: finds the target, changes it, says what it did. */
    abstract static class OnOneTarget implements Callable<Integer> {
        @CommandLine.ParentCommand
        PricingCommand pricing;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The target.")
        String id;

        @Override
        public Integer call() {
            TargetRegistry registry = pricing.parent.context().registry();
            Target target = registry.byId(id).orElseThrow(() -> new IllegalArgumentException("no target '" + id + "'"));
            String done = act(registry, target);
            PrintWriter out = spec.commandLine().getOut();
            out.println(done);
            out.flush();
            return 0;
        }

        /** Changes the target; returns what to tell the user. */
        abstract String act(TargetRegistry registry, Target target);
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = {
            "Set a target's own prices (US$ per million tokens); the ones not given stay as they are.",
            "They count for all the target's models, over the bundled prices."})
    static final class SetPrices extends OnOneTarget {
        @Option(names = "--input", paramLabel = "USD", description = "Per million input tokens (not cached).")
        Double input;

        @Option(names = "--output", paramLabel = "USD", description = "Per million output tokens.")
        Double output;

        @Option(names = "--cache-read", paramLabel = "USD", description = "Per million tokens read from the cache.")
        Double cacheRead;

        @Option(names = "--cache-write", paramLabel = "USD", description = "Per million tokens written to the cache.")
        Double cacheWrite;

        @Override
        String act(TargetRegistry registry, Target target) {
            var given = new Price(input, output, cacheRead, cacheWrite);
            if (given.isEmpty()) {
                throw new IllegalArgumentException("give at least one of --input, --output, --cache-read, --cache-write");
            }
            for (Double price : new Double[] {input, output, cacheRead, cacheWrite}) {
                if (price != null && !(price >= 0 && Double.isFinite(price))) {
                    throw new IllegalArgumentException("a price is a number of US dollars of at least 0, not " + price);
                }
            }
            Price own = given.over(target.pricing() == null ? Price.NONE : target.pricing());
            registry.replace(id, target.toBuilder().pricing(own).build());
            return "Own prices of '" + id + "': " + own.describe()
                    + " (US$ per million tokens; the others from the bundled table).";
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Remove a target's own prices: the bundled ones count again.")
    static final class Clear extends OnOneTarget {
        @Override
        String act(TargetRegistry registry, Target target) {
            registry.replace(id, target.toBuilder().pricing(null).build());
            return target.pricing() == null ? "'" + id + "' had no prices of its own."
                    : "Removed the own prices of '" + id + "': the bundled prices count again.";
        }
    }
}
