package dev.ccbridge.core.cli;

import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.http.HttpTransport;
import dev.ccbridge.core.websearch.SearchBackend;
import dev.ccbridge.core.websearch.SearchException;
import dev.ccbridge.core.websearch.SearchHit;
import dev.ccbridge.core.websearch.SearchQuery;
import dev.ccbridge.core.websearch.SearchSettings;
import dev.ccbridge.core.websearch.WebSearch;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ccbridge search show|set|off|key|test}: the search backend ccbridge runs Claude Code's web
 * searches with, for targets that have no search of their own.
 */
@Command(name = "search", mixinStandardHelpOptions = true, description = {
        "Web search for targets without a search of their own: the backend ccbridge searches with,",
        "its key, and who searches for each target."},
        subcommands = {SearchCommand.Show.class, SearchCommand.Set.class, SearchCommand.Off.class,
                SearchCommand.Key.class, SearchCommand.Try.class})
final class SearchCommand implements Runnable {
    @CommandLine.ParentCommand
    CcbridgeCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Show.print(parent.context(), spec.commandLine().getOut());
    }

    /** The web search of a CLI context: its settings, keys and an HTTP client of its own. */
    private static WebSearch webSearch(CliContext cli, HttpTransport transport) {
        return new WebSearch(transport, cli.keys().store());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the backend, its key and who searches for each target.")
    static final class Show implements Callable<Integer> {
        @CommandLine.ParentCommand
        SearchCommand search;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            print(search.parent.context(), spec.commandLine().getOut());
            return 0;
        }

        static void print(CliContext cli, PrintWriter out) {
            SearchSettings settings = SearchSettings.of(cli.registry().config());
            try (var transport = new HttpTransport()) {
                WebSearch webSearch = webSearch(cli, transport);
                if (settings.backend() == null) {
                    out.println("Search backend: none (set one with: ccbridge search set --backend brave|tavily|exa|searxng)");
                } else {
                    out.println("Search backend: " + settings.backend().displayName() + " at "
                            + (settings.endpoint() == null ? "(no base URL: give --base-url)" : settings.endpoint())
                            + ", " + settings.maxResults() + " results per search");
                    if (settings.backend().needsKey()) {
                        out.println("Its key: " + webSearch.keySource(settings).map(source -> "from " + source)
                                .orElse("missing (" + webSearch.whereToPutKey(settings) + ")"));
                    }
                }
                out.println("Who searches, per target:");
                webSearch.plans(cli.registry().config()).forEach((target, plan) ->
                        out.printf("  %-14s %s%n", target.id(), plan.describe()));
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Choose the search backend (replaces the one set before).")
    static final class Set implements Callable<Integer> {
        @CommandLine.ParentCommand
        SearchCommand search;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--backend", required = true, paramLabel = "NAME",
                description = "brave, tavily, exa or searxng (self-hosted; give --base-url).")
        String backend;

        @Option(names = "--base-url", paramLabel = "URL", description = "The service's endpoint (default: its public one).")
        String baseUrl;

        @Option(names = "--max-results", paramLabel = "N", description = "Pages per search (default 5, at most 20).")
        Integer maxResults;

        @Option(names = "--api-key-env", paramLabel = "VAR",
                description = "Environment variable holding the key (default: BRAVE_API_KEY, TAVILY_API_KEY, EXA_API_KEY).")
        String apiKeyEnv;

        @Override
        public Integer call() {
            SearchBackend chosen = SearchBackend.byId(backend).orElse(null);
            if (chosen == null) {
                spec.commandLine().getErr().println("ccbridge: no search backend '" + backend
                        + "'; known: brave, tavily, exa, searxng");
                return 2;
            }
            if (chosen == SearchBackend.SEARXNG && (baseUrl == null || baseUrl.isBlank())) {
                spec.commandLine().getErr().println("ccbridge: SearXNG runs on your own server: give its --base-url");
                return 2;
            }
            CliContext cli = search.parent.context();
            var settings = new SearchSettings(chosen, baseUrl, maxResults == null ? 0 : maxResults, apiKeyEnv);
            cli.registry().update(settings.applyTo(cli.registry().config()));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Search backend: " + chosen.displayName() + ".");
            if (chosen.needsKey()) {
                try (var transport = new HttpTransport()) {
                    WebSearch webSearch = webSearch(cli, transport);
                    out.println("Its key: " + webSearch.keySource(settings).map(source -> "from " + source)
                            .orElse("not found yet: " + webSearch.whereToPutKey(settings)) + ".");
                }
            }
            out.println("Try it: ccbridge search test");
            return 0;
        }
    }

    @Command(name = "off", mixinStandardHelpOptions = true,
            description = "Remove the search backend (targets without their own search then answer that search is unavailable).")
    static final class Off implements Callable<Integer> {
        @CommandLine.ParentCommand
        SearchCommand search;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CliContext cli = search.parent.context();
            cli.registry().update(SearchSettings.NONE.applyTo(cli.registry().config()));
            spec.commandLine().getOut().println("Search backend removed. Targets with a search of their own still search.");
            return 0;
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true, description = {
            "Store the search backend's key in the key store (the OS keychain, shared with the app).",
            "The key is read from stdin, or asked for (without echo) on a terminal."})
    static final class Key implements Callable<Integer> {
        /** A key longer than this is not a key (it guards against `search key < some-big-file`). */
        private static final int MAX_KEY_CHARS = 8192;

        @CommandLine.ParentCommand
        SearchCommand search;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CliContext cli = search.parent.context();
            PrintWriter err = spec.commandLine().getErr();
            SearchSettings settings = SearchSettings.of(cli.registry().config());
            if (settings.backend() == null || !settings.backend().needsKey()) {
                err.println("ccbridge: " + (settings.backend() == null
                        ? "no search backend is set: first run ccbridge search set --backend brave|tavily|exa"
                        : settings.backend().displayName() + " takes no key"));
                return 1;
            }
            SecretStore store = cli.keys().store();
            String variable = settings.keyVariable();
            if (!store.persistent()) {
                err.println("ccbridge: there is no OS keychain to keep the key in here; set " + variable
                        + " in the environment ccbridge runs in instead");
                return 1;
            }
            String key = read(settings.backend());
            if (key.isEmpty() || key.length() > MAX_KEY_CHARS || key.chars().anyMatch(Character::isWhitespace)) {
                err.println("ccbridge: that does not look like an API key (nothing stored)");
                return 1;
            }
            try {
                store.put(settings.secretAccount(), key);
            } catch (UnsupportedOperationException e) {
                err.println("ccbridge: the command line keeps no keys here; set " + variable
                        + " in the environment ccbridge runs in, or store the key in the app's Web search tab");
                return 1;
            }
            spec.commandLine().getOut().println("Stored the " + settings.backend().displayName() + " key in the "
                    + store.name() + ".");
            return 0;
        }

        private static String read(SearchBackend backend) throws IOException {
            Console console = System.console();
            if (console != null && console.isTerminal()) {
                char[] typed = console.readPassword("%s API key: ", backend.displayName());
                return typed == null ? "" : new String(typed).strip();
            }
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            char[] buffer = new char[MAX_KEY_CHARS + 1];
            int read = in.read(buffer);
            return read <= 0 ? "" : new String(buffer, 0, read).strip();
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run one search through the backend and print what it found, or why it could not.")
    static final class Try implements Callable<Integer> {
        @CommandLine.ParentCommand
        SearchCommand search;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "QUERY", arity = "0..*", description = "What to search for (default: ccbridge).")
        List<String> words;

        @Override
        public Integer call() {
            CliContext cli = search.parent.context();
            SearchSettings settings = SearchSettings.of(cli.registry().config());
            String query = words == null || words.isEmpty() ? "ccbridge" : String.join(" ", words);
            try (var transport = new HttpTransport()) {
                var searcher = webSearch(cli, transport).searcher(settings);
                List<SearchHit> hits = searcher.search(new SearchQuery(query, List.of(), List.of(),
                        settings.maxResults()), new Cancellation());
                PrintWriter out = spec.commandLine().getOut();
                out.println(searcher.describe() + " found " + hits.size() + (hits.size() == 1 ? " page" : " pages")
                        + " for \"" + query + "\":");
                int number = 1;
                for (SearchHit hit : hits) {
                    out.printf("%d. %s%n   %s%n", number++, hit.title(), hit.url());
                }
                return 0;
            } catch (SearchException e) {
                spec.commandLine().getErr().println("ccbridge: the search failed ("
                        + e.code().wireName() + "): " + e.getMessage());
                return 1;
            }
        }
    }
}
