package dev.ccbridge.core.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.OwnerOnly;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.log.RequestJsonl;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.log.RequestStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ccbridge log}: the request history the app and {@code serve} keep (one SQLite file):
 * the recent requests, following new ones, one request in full, an export and an import as JSON Lines.
 */
@Command(name = "log", mixinStandardHelpOptions = true, description = {
        "The recent requests from the history the app and `serve` keep, oldest first, one line each.",
        "Refused requests (a wrong token, ...) are there too, with what to do."},
        subcommands = {LogCommand.Show.class, LogCommand.Export.class, LogCommand.Import.class})
final class LogCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int POLL_BATCH = 1000;

    @CommandLine.ParentCommand
    CcbridgeCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20",
            description = "How many of the newest requests (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = {"-f", "--follow"}, description = "Then print each new request as it is stored (Ctrl-C ends).")
    boolean follow;

    @Override
    public Integer call() throws InterruptedException {
        CliContext cli = parent.context();
        PrintWriter out = spec.commandLine().getOut();
        RequestStore history = cli.history();
        Redactor redactor = cli.redactor();
        RequestStore.Tail tail = history.tail(limit);
        if (tail.records().isEmpty() && !follow) {
            out.println("No requests in the history yet (" + cli.historyFile() + ").");
            return 0;
        }
        print(tail.records(), redactor, out);
        long position = tail.position();
        while (follow) {
            Thread.sleep(POLL.toMillis());
            RequestStore.Tail next = history.after(position, POLL_BATCH);
            print(next.records(), redactor, out);
            position = next.position();
        }
        return 0;
    }

    private static void print(List<RequestRecord> records, Redactor redactor, PrintWriter out) {
        for (RequestRecord record : records) {
            out.println(redactor.redact(record.id() + "  " + RequestLine.of(record, RequestLine.DATE_TIME)));
        }
        out.flush();
    }

    /** One stored request by its id (or the start of it), or an error saying why there is none. */
    static RequestRecord find(CliContext cli, String id, PrintWriter err) {
        List<RequestRecord> found = cli.history().find(id, 2);
        if (found.size() == 1) {
            return found.getFirst();
        }
        err.println("ccbridge: " + (found.isEmpty()
                ? "no request '" + id + "' in the history (" + cli.historyFile() + "); ccbridge log lists them"
                : "more than one request starts with '" + id + "': give more of its id"));
        return null;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One request in full: routing, status, timing, tokens, the error, the bodies (redacted).")
    static final class Show implements Callable<Integer> {
        @CommandLine.ParentCommand
        LogCommand log;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID",
                description = "The request's id as ccbridge log prints it (its start is enough).")
        String id;

        @Override
        public Integer call() {
            CliContext cli = log.parent.context();
            RequestRecord record = find(cli, id, spec.commandLine().getErr());
            if (record == null) {
                return 1;
            }
            Redactor redactor = cli.redactor();
            PrintWriter out = spec.commandLine().getOut();
            out.print(redactor.redact(RequestDetail.of(record)));
            if (record.rejection().isEmpty()) { // a refused request has no bodies to show
                body(out, "request", record.requestBody() == null ? null
                        : new String(record.requestBody(), StandardCharsets.UTF_8), redactor);
                body(out, "response", record.responseBody(), redactor);
            }
            return 0;
        }

        private static void body(PrintWriter out, String name, String body, Redactor redactor) {
            out.println();
            out.println("--- " + name);
            if (body == null) {
                out.println("(not kept)");
                return;
            }
            JsonNode json = Json.parseOrNull(body);
            try {
                out.println(json != null && json.isContainerNode()
                        ? Json.WIRE.writerWithDefaultPrettyPrinter().writeValueAsString(redactor.redact(json))
                        : redactor.redact(body));
            } catch (JsonProcessingException e) {
                out.println(redactor.redact(body));
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = {
            "Write the requests of the history, oldest first, as JSON Lines (the schema of docs/request-log.md).",
            "Bodies and errors are redacted; the file is readable by you only."})
    static final class Export implements Callable<Integer> {
        @CommandLine.ParentCommand
        LogCommand log;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The file to write (replaced if it exists), or - for stdout.")
        String file;

        @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Only the newest N requests.")
        Integer limit;

        @Override
        public Integer call() throws IOException {
            CliContext cli = log.parent.context();
            var jsonl = new RequestJsonl(cli.redactor());
            int max = limit == null ? Integer.MAX_VALUE : limit;
            if ("-".equals(file)) {
                PrintWriter out = spec.commandLine().getOut();
                write(cli, jsonl, max, out);
                return 0;
            }
            Path path = Path.of(file);
            OwnerOnly.file(path);
            int written;
            try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                written = write(cli, jsonl, max, out);
            }
            spec.commandLine().getOut().println("Exported " + plural(written, "request") + " to " + path + ".");
            return 0;
        }

        private static int write(CliContext cli, RequestJsonl jsonl, int max, Writer out) throws IOException {
            try {
                int written = cli.history().forEachWithBodies(max, record -> {
                    try {
                        out.write(jsonl.line(record));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                out.flush();
                return written;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = {
            "Add the requests of a JSON Lines file to the history (and their tokens to usage):",
            "an export, or a `serve --request-log` file, of this or an older version.",
            "A request the history has already is kept once."})
    static final class Import implements Callable<Integer> {
        private static final int PROBLEMS_SHOWN = 5;

        @CommandLine.ParentCommand
        LogCommand log;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The JSON Lines file to read.")
        Path file;

        @Override
        public Integer call() throws IOException {
            CliContext cli = log.parent.context();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("ccbridge: no file " + file);
                return 1;
            }
            RequestStore history = cli.history();
            Instant oldestKept = Instant.now().minus(Duration.ofDays(history.retention().days()));
            int read = 0;
            int tooOld = 0;
            List<String> problems = new ArrayList<>();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int number = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        RequestRecord record = RequestJsonl.read(line);
                        if (record.startedAt().isBefore(oldestKept)) {
                            tooOld++;
                        } else if (!record.inFlight()) {
                            history.save(record);
                            read++;
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add("line " + number + ": " + e.getMessage());
                    }
                }
            }
            problems.stream().limit(PROBLEMS_SHOWN).forEach(problem -> err.println("skipped " + problem));
            if (problems.size() > PROBLEMS_SHOWN) {
                err.println("skipped " + (problems.size() - PROBLEMS_SHOWN) + " more lines");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Imported " + plural(read, "request") + " from " + file + " into " + cli.historyFile() + ".");
            if (tooOld > 0) {
                out.println(plural(tooOld, "request") + " older than the " + history.retention().days()
                        + " days the history keeps (the app's Settings) left out.");
            }
            return read == 0 && !problems.isEmpty() ? 1 : 0;
        }
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
