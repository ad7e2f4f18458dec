package dev.ccbridge.core.cli;

import dev.ccbridge.core.secrets.KeyResolver;
import dev.ccbridge.core.secrets.KeyStorage;
import dev.ccbridge.core.target.Target;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ccbridge keys set|remove|list}: the targets' API keys in the OS keychain, shared with the app. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Store, remove or list the targets' API keys (kept in the OS keychain, shared with the app).",
        subcommands = {KeysCommand.SetKey.class, KeysCommand.RemoveKey.class, KeysCommand.ListKeys.class})
final class KeysCommand implements Runnable {
    /** A key longer than this is not a key (it guards against `keys set < some-big-file`). */
    static final int MAX_KEY_CHARS = 8192;

    @CommandLine.ParentCommand
    CcbridgeCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        ListKeys.print(parent.context(), spec.commandLine().getOut());
    }

    /** A keys command on one target that needs the keychain: checks both, then acts. */
    abstract static class OnOneKey implements Callable<Integer> {
        @CommandLine.ParentCommand
        KeysCommand keys;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "TARGET", description = "The target's id (see: ccbridge targets list).")
        String id;

        @Override
        public Integer call() {
            CliContext cli = keys.parent.context();
            PrintWriter err = spec.commandLine().getErr();
            Optional<Target> target = cli.registry().byId(id);
            if (target.isEmpty()) {
                err.println("ccbridge: no target '" + id + "'");
                return 1;
            }
            KeyStorage storage = cli.keyStorage();
            if (!storage.keychain()) {
                err.println("ccbridge: " + unavailable(target.get()));
                return 1;
            }
            try {
                return act(cli, storage, target.get());
            } catch (IllegalStateException e) {
                err.println("ccbridge: " + e.getMessage());
                return 1;
            }
        }

        /** Why nothing was done without a keychain, and what to do instead. */
        abstract String unavailable(Target target);

        abstract int act(CliContext cli, KeyStorage storage, Target target);
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = {
            "Store a target's API key in the OS keychain.",
            "The key is read from stdin, or asked for (without echo) on a terminal."})
    static final class SetKey extends OnOneKey {
        @Override
        String unavailable(Target target) {
            return "the key was not stored: there is no OS keychain to keep it in. Set "
                    + variables(target) + " where ccbridge runs instead.";
        }

        @Override
        int act(CliContext cli, KeyStorage storage, Target target) {
            String key;
            try {
                key = readKey(target);
            } catch (IllegalArgumentException | IOException e) {
                spec.commandLine().getErr().println("ccbridge: the key was not stored: " + e.getMessage());
                return 2;
            }
            storage.store().put(target.secretAccount(), key);
            spec.commandLine().getOut().println("Stored the API key for " + target.displayName() + " in the "
                    + storage.store().name() + ".");
            return 0;
        }

        private static String readKey(Target target) throws IOException {
            Console console = System.console();
            String key;
            if (console != null && console.isTerminal()) {
                char[] typed = console.readPassword("API key for %s (not shown as you type): ", target.displayName());
                key = typed == null ? "" : new String(typed);
            } else {
                byte[] input = System.in.readNBytes(MAX_KEY_CHARS + 1);
                if (input.length > MAX_KEY_CHARS) {
                    throw new IllegalArgumentException("the input is longer than " + MAX_KEY_CHARS
                            + " characters; give the key alone");
                }
                key = new String(input, StandardCharsets.UTF_8);
            }
            key = key.strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("no key was given (pipe it in, or run this in a terminal to type it)");
            }
            if (key.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a key is one word, without spaces or line breaks");
            }
            return key;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a target's API key from the OS keychain.")
    static final class RemoveKey extends OnOneKey {
        @Override
        String unavailable(Target target) {
            return "there is no OS keychain here, so no key of " + target.displayName()
                    + " is stored by ccbridge; its key can only come from " + variables(target) + ".";
        }

        @Override
        int act(CliContext cli, KeyStorage storage, Target target) {
            boolean stored = storage.store().get(target.secretAccount()).isPresent();
            storage.store().delete(target.secretAccount());
            PrintWriter out = spec.commandLine().getOut();
            out.println(stored ? "Removed the API key for " + target.displayName() + " from the "
                    + storage.store().name() + "."
                    : "No API key for " + target.displayName() + " was stored in the " + storage.store().name() + ".");
            cli.keys().find(target).ifPresent(still ->
                    out.println("It still has a key from " + still.source().describe() + "."));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Which targets have a key, and where it comes from (never the key itself).")
    static final class ListKeys implements Callable<Integer> {
        @CommandLine.ParentCommand
        KeysCommand keys;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            print(keys.parent.context(), spec.commandLine().getOut());
            return 0;
        }

        static void print(CliContext cli, PrintWriter out) {
            for (Target target : cli.registry().targets()) {
                out.printf("%-14s %-22s %s%n", target.id(), target.displayName(), KeyWords.of(target, cli.keys()));
            }
        }
    }

    /** The variables a target's key can come from when not from the keychain. */
    static String variables(Target target) {
        String own = KeyResolver.variableFor(target);
        return target.apiKeyEnv() == null || target.apiKeyEnv().isBlank() ? own : target.apiKeyEnv() + " or " + own;
    }
}
