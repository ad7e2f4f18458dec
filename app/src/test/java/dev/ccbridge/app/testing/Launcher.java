package dev.ccbridge.app.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The checkout's {@code ./ccbridge} as a child process, for the tests where the command line and
 * the app meet (the keychain they share). It inherits the test's private desktop (session bus,
 * keyring) and gets its own config home; the JDK running the tests is the one it runs on.
 */
public final class Launcher {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final Path dir;
    private int runs;

    /** Commands with their config in {@code home}, their output files in {@code dir}. */
    public Launcher(Path home, Path dir) {
        this.home = home;
        this.dir = dir;
    }

    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs a command to its end with {@code input} on stdin. */
    public Result run(String input, String... args) {
        try (Running running = start(List.of(script().toString()), args)) {
            running.write(input);
            return running.waitForEnd();
        }
    }

    /** Starts a command under a pseudo-terminal ({@code script}), as if typed in a terminal. */
    public Running startOnTerminal(String... args) {
        return start(List.of("script", "--quiet", "--return", "--command", String.join(" ", quoted(args)), "/dev/null"));
    }

    /** Starts a long-running command ({@code serve}). */
    public Running start(String... args) {
        return start(List.of(script().toString()), args);
    }

    private Running start(List<String> launcher, String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(args));
        int run = ++runs;
        Path out = dir.resolve("launch-" + run + ".out");
        Path err = dir.resolve("launch-" + run + ".err");
        var builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("CCBRIDGE_HOME", home.toString());
        builder.environment().put("JAVA_HOME_25", System.getProperty("java.home"));
        try {
            return new Running(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private List<String> quoted(String... args) {
        List<String> words = new ArrayList<>(List.of("'" + script() + "'"));
        for (String arg : args) {
            words.add("'" + arg.replace("'", "'\\''") + "'");
        }
        return words;
    }

    /** The launcher at the root of this checkout (tests run in the module directory). */
    private static Path script() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent().resolve("ccbridge");
    }

    /** A command still running: feed its stdin, watch its output, stop it. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final Path out;
        private final Path err;

        private Running(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        /** Writes {@code input} (if any) to stdin and closes it. */
        public void write(String input) {
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits until stdout contains {@code text}. */
        public String awaitOut(String text) {
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                if (read(out).contains(text)) {
                    return read(out);
                }
                if (!process.isAlive()) {
                    break;
                }
                pause();
            }
            throw new AssertionError("never printed '" + text + "'\n" + result(-1));
        }

        public Result waitForEnd() {
            try {
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("did not end within " + TIMEOUT + "\n" + result(-1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            return result(process.exitValue());
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private Result result(int exit) {
            return new Result(exit, read(out), read(err));
        }

        private static void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
