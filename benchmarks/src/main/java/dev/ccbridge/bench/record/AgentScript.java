package dev.ccbridge.bench.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the scripted model does in the recording session, turn by turn: look around the project,
 * search the web, search the code, look at an icon, read many source files (four at a time, as
 * a model reading in parallel does), look at a screenshot late in the session, edit a file, run
 * a command, and answer. Played against the real Claude Code, which runs every tool for real, so
 * its requests grow the way a long agent session's do: system prompt, tool schemas, and a
 * history of tool calls and results.
 */
final class AgentScript {
    /** One model turn: some text, then tool calls; a turn without calls ends the session. */
    record Turn(String text, List<Call> calls) {}

    /** One tool call: the tool's name and its arguments as JSON text. */
    record Call(String name, String arguments) {}

    private final List<Turn> turns;

    private AgentScript(List<Turn> turns) {
        this.turns = List.copyOf(turns);
    }

    /** The turn after {@code done} finished tool turns; the last turn answers and calls nothing. */
    Turn turn(int done) {
        return turns.get(Math.min(done, turns.size() - 1));
    }

    int size() {
        return turns.size();
    }

    /**
     * The session over {@code project}: a copy of ccbridge's own sources and pictures (see
     * {@link RecordSession}); {@code readBytes} is about how much its reads add to the history.
     */
    static AgentScript over(Path project, long readBytes) throws IOException {
        List<Turn> turns = new ArrayList<>();
        turns.add(new Turn("I'll start by looking at the project layout.",
                List.of(call("Bash", "command", "ls -la && git log --oneline | head -5",
                        "description", "List the project and its recent commits"))));
        // WebSearch is a deferred tool: loaded through ToolSearch, then it makes a small request
        // of its own (a short system prompt, the query, Anthropic's server tool).
        turns.add(new Turn("", List.of(new Call("ToolSearch", "{\"query\":\"select:WebSearch\",\"max_results\":1}"))));
        turns.add(new Turn("Let me check what is known about this first.",
                List.of(call("WebSearch", "query", "Jackson ObjectReader reuse per request performance"))));
        turns.add(new Turn("Let me find the request handling code.",
                List.of(call("Glob", "pattern", "**/*.java"),
                        call("Grep", "pattern", "class \\w+Upstream", "output_mode", "files_with_matches"))));
        // The app's icon: a small image in a tool result, carried by every later request.
        turns.add(new Turn("And the icon the README shows.",
                List.of(call("Read", "file_path", project.resolve("icons/png/ccbridge-256.png").toString()))));
        long read = 0;
        List<Call> batch = new ArrayList<>();
        for (Path file : largestSources(project)) {
            if (read >= readBytes) {
                break;
            }
            batch.add(call("Read", "file_path", file.toString()));
            // What a Read adds to the history: the file, a line number per line, JSON escapes.
            read += Files.size(file) * 5 / 4 + Files.readAllLines(file).size() * 6L;
            if (batch.size() == 4) {
                turns.add(new Turn(turns.size() % 2 == 0 ? "Reading the next files." : "", batch));
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            turns.add(new Turn("", batch));
        }
        // Late in the session, a screenshot: a large image in a tool result.
        turns.add(new Turn("Let me look at the screenshot.",
                List.of(call("Read", "file_path", project.resolve("docs/screenshots/main-window.png").toString()))));
        turns.add(new Turn("I found the cause: the README's overhead line is out of date. Fixing it.",
                List.of(call("Edit", "file_path", project.resolve("README.md").toString(),
                        "old_string", "Little overhead", "new_string", "Little added latency"))));
        turns.add(new Turn("", List.of(call("Bash", "command", "git diff --stat && wc -l README.md",
                "description", "Show what changed"))));
        turns.add(new Turn("Done: the README now says \"Little added latency\"; nothing else needed a change.",
                List.of()));
        return new AgentScript(turns);
    }

    private static List<Path> largestSources(Path project) throws IOException {
        try (Stream<Path> files = Files.walk(project.resolve("src"))) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .sorted(Comparator.comparingLong((Path f) -> size(f)).reversed().thenComparing(Path::toString))
                    .toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Call call(String name, String... keysAndValues) {
        ObjectNode arguments = Json.object();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            arguments.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Call(name, Json.write(arguments));
    }
}
