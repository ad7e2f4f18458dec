import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run of ccbridge's ahead-of-time cache (JDK 25, JEPs 483/514/515): starts a
 * ccbridge command with {@code -XX:AOTCacheOutput=CACHE}, lets it start as a user's does and run
 * its start-up warm-up (a few hundred recorded Claude Code requests through every HTTP mode:
 * {@code dev.ccbridge.core.warmup.WarmUp}), then stops it: as it exits, the JVM writes the classes
 * it loaded and linked and the method profiles it gathered into the cache, which later starts
 * map instead of loading and profiling again.
 *
 * <pre>
 * java packaging/AotTraining.java --cache FILE [--home DIR] [--display true|false] -- COMMAND...
 * </pre>
 *
 * In COMMAND, {@code {port}} stands for a free port to serve on. The command runs with a scratch
 * {@code CCBRIDGE_HOME} (and no keychain); with {@code --display true}, on a private Xvfb display
 * with trayer as its tray where both are installed. Used by {@code scripts/serve.sh}, {@code
 * BuildInstaller} and {@code ./mvnw -Prun} (through {@code AotOptions}).
 */
public final class AotTraining {
    /** What the warm-up logs when it is over. */
    private static final String WARM_UP_DONE = "warm-up done";

    private final Path cache;
    private final Path home;
    private final boolean display;
    private final List<String> command;
    private final List<Process> helpers = new ArrayList<>();

    AotTraining(Path cache, Path home, boolean display, List<String> command) {
        this.cache = cache.toAbsolutePath();
        this.home = home.toAbsolutePath();
        this.display = display;
        this.command = command;
    }

    public static void main(String[] args) throws Exception {
        Path cache = null;
        Path home = null;
        boolean display = false;
        int i = 0;
        for (; i < args.length && !args[i].equals("--"); i += 2) {
            switch (args[i]) {
                case "--cache" -> cache = Path.of(args[i + 1]);
                case "--home" -> home = Path.of(args[i + 1]);
                case "--display" -> display = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (cache == null || i >= args.length - 1) {
            System.err.println("java packaging/AotTraining.java --cache FILE [--home DIR] [--display true|false] -- COMMAND...");
            System.exit(2);
        }
        new AotTraining(cache, home != null ? home : Files.createTempDirectory("ccbridge-aot-training"), display,
                List.of(args).subList(i + 1, args.length)).run();
    }

    /** Trains, and leaves the cache at {@code cache}; throws (and leaves none) if anything failed. */
    void run() throws Exception {
        Files.createDirectories(home);
        Files.deleteIfExists(cache);
        String port = Integer.toString(freePort());
        List<String> resolved = command.stream().map(arg -> arg.replace("{port}", port)).toList();
        var builder = new ProcessBuilder(resolved).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // JAVA_TOOL_OPTIONS, read by the JVM itself: jpackage's launchers ignore the java launcher's JDK_JAVA_OPTIONS.
        env.put("JAVA_TOOL_OPTIONS", "-XX:AOTCacheOutput=" + cache);
        env.put("CCBRIDGE_HOME", home.toString());
        env.remove("CCBRIDGE_WARMUP");
        // No keychain, no user files: the training start sees a fresh, private installation.
        env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + home.resolve("no-bus"));
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("NO_AT_BRIDGE", "1");
        String privateDisplay = display ? privateDisplay() : null;
        if (privateDisplay != null) {
            env.put("DISPLAY", privateDisplay);
            env.remove("WAYLAND_DISPLAY");
        }
        Path log = home.resolve("training.log");
        log("training run" + (privateDisplay == null ? "" : " on display " + privateDisplay) + ", log " + log);
        Process app = builder.start();
        try {
            var warmedUp = new CompletableFuture<Boolean>();
            Thread.ofVirtual().start(() -> copy(app, log, warmedUp));
            if (!warmedUp.get(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the training run ended before its warm-up was done; see " + log);
            }
        } finally {
            // SIGTERM: a normal exit, at which the JVM writes the cache. Through the handle, which
            // leaves the output pipe open (Process.destroy closes it, and the JVM, failing to
            // write its notes there as it exits, writes no cache).
            app.toHandle().destroy();
            if (!app.waitFor(180, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            helpers.reversed().forEach(Process::destroy);
        }
        if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
            throw new IllegalStateException("no AOT cache was written; see " + log + ":\n" + Files.readString(log));
        }
        log("AOT cache " + cache + " (" + Files.size(cache) / (1024 * 1024) + " MB)");
    }

    /** Copies the run's output to the log; {@code warmedUp} is true once the warm-up says it is done. */
    private static void copy(Process app, Path log, CompletableFuture<Boolean> warmedUp) {
        try (var in = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
             var out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                if (line.contains(WARM_UP_DONE)) {
                    warmedUp.complete(true);
                }
            }
        } catch (IOException e) {
            // the run ended
        } finally {
            warmedUp.complete(false);
        }
    }

    /** A private display with a tray (Xvfb + trayer) where both are installed; else null (headless). */
    private String privateDisplay() throws Exception {
        if (!onPath("Xvfb") || !onPath("trayer")) {
            log("warning: Xvfb and trayer are not installed: training without a display (the gateway only)");
            return null;
        }
        int number = 90 + (int) (ProcessHandle.current().pid() % 400);
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + number)) || Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
            number++; // taken by another X server
        }
        String name = ":" + number;
        helpers.add(new ProcessBuilder("Xvfb", name, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(home.resolve("xvfb.log").toFile()).start());
        Path socket = Path.of("/tmp/.X11-unix/X" + number);
        for (int wait = 0; wait < 100 && !Files.exists(socket); wait++) {
            Thread.sleep(100);
        }
        var tray = new ProcessBuilder("trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
                "--height", "24", "--transparent", "false").redirectErrorStream(true)
                .redirectOutput(home.resolve("trayer.log").toFile());
        tray.environment().put("DISPLAY", name);
        helpers.add(tray.start());
        Thread.sleep(1000);
        return name;
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void log(String message) {
        System.out.println("[aot-training] " + message);
    }
}
