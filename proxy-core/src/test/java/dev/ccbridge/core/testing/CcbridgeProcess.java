package dev.ccbridge.core.testing;

import static org.awaitility.Awaitility.await;

import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real {@code ./ccbridge} launcher of the checkout, run as a child process the way a user
 * runs it, in a sealed-off world: its own HOME, config dir and working directory, no session bus
 * (so no keychain, never the user's), none of the user's keys or proxy settings. The JDK running
 * the tests is the JDK 25 the launcher picks.
 */
public final class CcbridgeProcess {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** What one command did: its exit code and everything it printed. */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path dir;
    private final Path launcher;
    private final Map<String, String> env = new LinkedHashMap<>();

    /** The checkout's launcher, with its files under {@code dir}. */
    public CcbridgeProcess(Path dir) {
        this(dir, checkoutLauncher());
    }

    public CcbridgeProcess(Path dir, Path launcher) {
        this.dir = dir;
        this.launcher = launcher;
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        env.put("HOME", mkdirs(dir.resolve("home")).toString());
        env.put("CCBRIDGE_HOME", mkdirs(dir.resolve("ccbridge-home")).toString());
        env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.resolve("no-session-bus"));
        env.put("JAVA_HOME_25", System.getProperty("java.home"));
        // serve without its start-up cache: training it takes half a minute after every build.
        env.put("CCBRIDGE_AOT", "off");
        mkdirs(workDir());
    }

    /** The launcher at the root of this checkout (Surefire runs tests in the module directory). */
    public static Path checkoutLauncher() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent().resolve("ccbridge");
    }

    /** Sets (or, with null, removes) a variable of every later command's environment. */
    public CcbridgeProcess env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public Path home() {
        return Path.of(env.get("HOME"));
    }

    /** The directory commands run in (the "current project"). */
    public Path workDir() {
        return dir.resolve("work");
    }

    public Path configFile() {
        return Path.of(env.get("CCBRIDGE_HOME")).resolve("config.json");
    }

    /** The config as the launcher left it in its file (what a running gateway reads). */
    public GatewayConfig storedConfig() {
        return new ConfigStore(configFile()).load().config();
    }

    /** A target as the launcher left it in the config file. */
    public Target storedTarget(String id) {
        return storedConfig().target(id).orElseThrow();
    }

    public Result run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs a command with {@code input} on its stdin (null: an empty stdin) and waits for it. */
    public Result runWithInput(String input, String... args) {
        Started started = start(input, args);
        try {
            if (!started.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                started.process.destroyForcibly();
                throw new AssertionError("ccbridge " + String.join(" ", args) + " did not end within " + TIMEOUT
                        + "\n" + started.output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return started.result(started.process.exitValue());
    }

    /** Starts a long-running command ({@code serve}); stop it with {@link Started#stop()}. */
    public Started start(String... args) {
        return start(null, args);
    }

    private Started start(String input, String... args) {
        int run = RUNS.incrementAndGet();
        Path out = dir.resolve("run-" + run + ".out");
        Path err = dir.resolve("run-" + run + ".err");
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(workDir().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            return new Started(process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** A command still running, whose output can be watched as it comes. */
    public static final class Started implements AutoCloseable {
        private final Process process;
        private final Path out;
        private final Path err;

        private Started(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        public String out() {
            return read(out);
        }

        public String err() {
            return read(err);
        }

        /** Waits until stdout contains {@code text}; fails (with the output so far) if it never does. */
        public String awaitOut(String text) {
            try {
                return await().atMost(TIMEOUT).until(() -> {
                    String now = out();
                    if (!now.contains(text) && !process.isAlive()) {
                        throw new AssertionError("ccbridge ended before printing '" + text + "'");
                    }
                    return now;
                }, now -> now.contains(text));
            } catch (ConditionTimeoutException | AssertionError e) {
                throw new AssertionError("ccbridge never printed '" + text + "'\n" + output(), e);
            }
        }

        /** Stops it as Ctrl-C would (SIGTERM) and waits for it to end. */
        public Result stop() {
            process.destroy();
            try {
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("ccbridge did not stop on SIGTERM\n" + output());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result(process.exitValue());
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                stop();
            }
        }

        private Result result(int exit) {
            return new Result(exit, out(), err());
        }

        private String output() {
            return "--- stdout\n" + out() + "--- stderr\n" + err();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mkdirs(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
