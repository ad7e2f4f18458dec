package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.testing.CcbridgeProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code ./ccbridge} command in a bash block of the README and the docs is a command this
 * version has, with options it knows: split into words by bash itself, then parsed (not run: the
 * examples add targets and call providers).
 */
class DocumentedCommandsTest {
    private static final Path ROOT = CcbridgeProcess.checkoutLauncher().getParent();

    @Test
    void everyDocumentedCommandParses() throws Exception {
        List<String> commands = new ArrayList<>();
        for (Path doc : docs()) {
            commands.addAll(commandsIn(Files.readString(doc)));
        }
        assertThat(commands).as("the README shows commands").hasSizeGreaterThan(5);
        for (String command : commands) {
            String[] args = words(command);
            assertThat(args[0]).isEqualTo("./ccbridge");
            try {
                CcbridgeCli.commandLine().parseArgs(Arrays.copyOfRange(args, 1, args.length));
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError("documented as `" + command + "`: " + e.getMessage(), e);
            }
        }
    }

    private static List<Path> docs() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")),
                    docs.filter(path -> path.toString().endsWith(".md")).sorted()).toList();
        }
    }

    /** The ./ccbridge lines of ```bash blocks, continuation lines joined. */
    static List<String> commandsIn(String markdown) {
        List<String> commands = new ArrayList<>();
        boolean inBash = false;
        StringBuilder pending = null;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("```")) {
                inBash = !inBash && line.strip().equals("```bash");
                continue;
            }
            if (!inBash) {
                continue;
            }
            if (pending == null && line.startsWith("./ccbridge ")) {
                pending = new StringBuilder();
            }
            if (pending != null) {
                String text = line.strip();
                pending.append(text.endsWith("\\") ? text.substring(0, text.length() - 1) : text).append(' ');
                if (!text.endsWith("\\")) {
                    commands.add(pending.toString().strip());
                    pending = null;
                }
            }
        }
        return commands;
    }

    /** The words bash makes of a command line (quotes, comments), without running it. */
    private static String[] words(String command) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", "set -- " + command + "\nprintf '%s\\0' \"$@\"")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out.split("\0");
    }
}
