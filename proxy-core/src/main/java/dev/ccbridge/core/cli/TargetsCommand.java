package dev.ccbridge.core.cli;

import dev.ccbridge.core.env.EnvSnippets;
import dev.ccbridge.core.secrets.TargetReadiness;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.ProviderPreset;
import dev.ccbridge.core.target.ProviderPresets;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetIds;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ccbridge targets list|add|remove|activate}. */
@Command(name = "targets", mixinStandardHelpOptions = true, description = "List and edit provider targets.",
        subcommands = {TargetsCommand.ListTargets.class, TargetsCommand.Presets.class, TargetsCommand.Add.class,
                TargetsCommand.Remove.class, TargetsCommand.Activate.class})
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
                out.printf("%s %-14s %-18s %-20s %-28s %s (%s)%n", target.id().equals(active) ? "*" : " ",
                        target.id(), target.apiMode(), target.model(), target.baseUrl(), target.displayName(),
                        KeyWords.of(target, cli.keys()));
            }
            if (cli.registry().targets().isEmpty()) {
                out.println("No targets. Add one with: ccbridge targets add --preset deepseek (see: ccbridge targets presets)"
                        + " or --name ... --base-url ... --model ...");
            }
        }
    }

    @Command(name = "presets", mixinStandardHelpOptions = true, description = "List the provider presets 'targets add --preset' accepts.")
    static final class Presets implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (ProviderPreset preset : ProviderPresets.builtIn().all()) {
                out.printf("%-20s %-18s %-34s %s%n", preset.id(), preset.apiMode(),
                        preset.model() == null ? "(Claude ids)" : preset.model(), preset.baseUrl());
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {
            "Add a target (or update the one with the same provider, model, mode and URL).",
            "Start from a provider preset with --preset; any other option overrides the preset."})
    static final class Add implements Callable<Integer> {
        @CommandLine.ParentCommand
        TargetsCommand targets;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--preset", paramLabel = "ID",
                description = "Provider preset, e.g. deepseek, openrouter, ollama (see: ccbridge targets presets).")
        String preset;

        @Option(names = "--name", description = "Display name, e.g. \"DeepSeek\" (required without --preset).")
        String name;

        @Option(names = "--provider", description = "Provider id, e.g. openai, deepseek, openrouter (default: from the name).")
        String provider;

        @Option(names = "--base-url", description = "e.g. https://api.deepseek.com (required without --preset).")
        String baseUrl;

        @Option(names = "--model", description = "Default upstream model (required without --preset, except for anthropic_messages).")
        String model;

        @Option(names = "--mode",
                description = "API mode: chat_completions (default), codex_responses, anthropic_messages, bedrock_converse.")
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

        @Option(names = "--fallback", paramLabel = "ID",
                description = "A target to try when this one is unavailable before answering (repeatable, in order).")
        List<String> fallbacks = new ArrayList<>();

        @Option(names = "--activate", description = "Make it the active target.")
        boolean activate;

        @Override
        public Integer call() {
            Target target;
            try {
                target = target();
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("ccbridge: " + e.getMessage());
                return 2;
            }
            CliContext cli = targets.parent.context();
            Target stored = cli.registry().put(target);
            if (activate) {
                cli.registry().activate(stored.id());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Saved target '" + stored.id() + "'" + (activate ? " (active)" : "") + ".");
            out.println("Its own URL:   " + EnvSnippets.pinnedUrl(EnvSnippets.gatewayUrl(cli.registry().config().port()),
                    stored));
            out.println("Its token:     " + stored.token());
            out.println("  (these pin a terminal to it; `ccbridge env --target " + stored.id()
                    + "` prints them for your shell)");
            if (cli.keys().readiness(Optional.of(stored)) instanceof TargetReadiness.MissingKey missing) {
                out.println("Its API key:   " + missing.ways() + ".");
            }
            return 0;
        }

        /** The preset (if any) with every option given on the command line laid over it. */
        Target target() {
            Target base = preset == null ? null : ProviderPresets.builtIn().byId(preset)
                    .orElseThrow(() -> new IllegalArgumentException("no preset '" + preset + "'; known: "
                            + ProviderPresets.builtIn().ids()))
                    .toTarget();
            String finalName = pick(name, base == null ? null : base.name());
            String finalBaseUrl = pick(baseUrl, base == null ? null : base.baseUrl());
            ApiMode apiMode = mode != null ? ApiMode.fromWire(mode)
                    : base != null ? base.apiMode() : ApiMode.CHAT_COMPLETIONS;
            String finalModel = pick(model, base == null ? null : base.model());
            if (finalName == null || finalBaseUrl == null) {
                throw new IllegalArgumentException("give --preset, or --name and --base-url");
            }
            if (finalModel == null && apiMode != ApiMode.ANTHROPIC_MESSAGES) {
                throw new IllegalArgumentException("give --model (only anthropic_messages targets may go without)");
            }
            ModelTiers baseTiers = base == null ? ModelTiers.NONE : base.tiers();
            var tiers = new ModelTiers(pick(opus, baseTiers.opus()), pick(sonnet, baseTiers.sonnet()),
                    pick(haiku, baseTiers.haiku()));
            String providerId = pick(provider, base != null ? base.provider() : TargetIds.slug(finalName));
            Map<String, String> allHeaders = new LinkedHashMap<>(base == null ? Map.of() : base.headers());
            allHeaders.putAll(headers);
            Map<String, String> allOptions = new LinkedHashMap<>(base == null ? Map.of() : base.options().asMap());
            allOptions.putAll(options);
            return Target.builder().name(finalName).provider(providerId).baseUrl(finalBaseUrl).model(finalModel)
                    .apiMode(apiMode).tiers(tiers).models(base == null ? List.of() : base.models())
                    .headers(allHeaders).apiKeyEnv(pick(apiKeyEnv, base == null ? null : base.apiKeyEnv()))
                    .options(allOptions).fallbacks(fallbacks)
                    .capabilities(base == null ? null : base.capabilities()).build();
        }

        private static String pick(String given, String fallback) {
            return given != null && !given.isBlank() ? given : fallback;
        }
    }

    /** A command on one existing target: checks the id, then acts. */
    abstract static class OnOneTarget implements Callable<Integer> {
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
            spec.commandLine().getOut().println(act(cli));
            return 0;
        }

        /** Does the change; returns what to tell the user. */
        abstract String act(CliContext cli);
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a target.")
    static final class Remove extends OnOneTarget {
        @Override
        String act(CliContext cli) {
            cli.registry().remove(id);
            return "Removed target '" + id + "'.";
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = "Make a target the active one (takes effect on the next request).")
    static final class Activate extends OnOneTarget {
        @Override
        String act(CliContext cli) {
            cli.registry().activate(id);
            return "Active target: " + id
                    + ". A running ccbridge picks this up on its next request if it shares this config file.";
        }
    }
}
