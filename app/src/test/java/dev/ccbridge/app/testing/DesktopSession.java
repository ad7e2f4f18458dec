package dev.ccbridge.app.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private desktop for the tests that need one: an Xvfb display, a tray host (trayer), a
 * StatusNotifier host (xfce4-panel's status tray) and a Secret Service (a session bus plus an
 * unlocked gnome-keyring), all started here, living under
 * target/, and stopped just after the test JVM exits. Surefire points DISPLAY, DBUS_SESSION_BUS_ADDRESS
 * and XDG_DATA_HOME at them before the JVM starts, so the user's real desktop and keychain are
 * never touched. A missing program fails the test with the Debian package to install.
 */
public final class DesktopSession {
    private static boolean display;
    private static boolean tray;
    private static boolean sessionBus;
    private static boolean secretService;
    private static boolean statusNotifierHost;

    private DesktopSession() {}

    /** {@code @ExtendWith(DesktopSession.Display.class)}: an X display (Xvfb). */
    public static final class Display implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            ensureDisplay();
        }
    }

    /** {@code @ExtendWith(DesktopSession.Tray.class)}: an X display with a system tray. */
    public static final class Tray implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            ensureTray();
        }
    }

    /**
     * {@code @ExtendWith(DesktopSession.StatusNotifierHost.class)}: an X display with a panel that
     * shows StatusNotifierItems (xfce4-panel, one status tray at the top left) on the session bus.
     */
    public static final class StatusNotifierHost implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            ensureStatusNotifierHost();
        }
    }

    /** {@code @ExtendWith(DesktopSession.SecretService.class)}: a session bus with an unlocked keyring. */
    public static final class SecretService implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            ensureSecretService();
        }
    }

    public static synchronized void ensureDisplay() {
        if (display) {
            return;
        }
        String wanted = required("ccbridge.test.display");
        String actual = System.getenv("DISPLAY");
        if (!wanted.equals(actual)) {
            throw new IllegalStateException("DISPLAY is '" + actual + "', not the test display " + wanted
                    + ": run desktop tests through Maven, whose surefire settings point them at a private Xvfb");
        }
        Path socket = Path.of("/tmp/.X11-unix/X" + wanted.substring(1));
        if (!accepts(socket)) {
            start(List.of(program("Xvfb", "xvfb"), wanted, "-screen", "0", "1400x900x24", "-nolisten", "tcp"),
                    Map.of(), null);
            await("Xvfb on " + wanted, () -> accepts(socket));
        }
        display = true;
    }

    public static synchronized void ensureTray() {
        ensureDisplay();
        if (tray) {
            return;
        }
        start(List.of(program("trayer", "trayer"), "--edge", "top", "--align", "right", "--widthtype", "request",
                "--height", "24"), Map.of(), null);
        await("the trayer tray host", () -> {
            try {
                return java.awt.SystemTray.isSupported();
            } catch (RuntimeException e) {
                return false;
            }
        });
        tray = true;
    }

    public static synchronized void ensureSecretService() {
        if (secretService) {
            return;
        }
        Map<String, String> env = ensureSessionBus();
        start(List.of(program("gnome-keyring-daemon", "gnome-keyring"), "--foreground", "--unlock",
                "--components=secrets"), env, "ccbridge-test-keyring");
        String dbusSend = program("dbus-send", "dbus-bin");
        await("gnome-keyring on the private bus", () -> nameHasOwner(dbusSend, env, "org.freedesktop.secrets"));
        secretService = true;
    }

    public static synchronized void ensureStatusNotifierHost() {
        ensureDisplay();
        if (statusNotifierHost) {
            return;
        }
        Map<String, String> env = ensureSessionBus();
        Path dir = Path.of(required("ccbridge.test.sessionDir"));
        // The panel reads its layout through xfconfd, which the bus starts with XDG_CONFIG_HOME from our environment.
        Path panelConfig = Path.of(System.getenv("XDG_CONFIG_HOME"), "xfce4", "xfconf", "xfce-perchannel-xml",
                "xfce4-panel.xml");
        try (var layout = DesktopSession.class.getResourceAsStream("xfce4-panel.xml")) {
            Files.createDirectories(panelConfig.getParent());
            Files.write(panelConfig, layout.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the panel layout under " + dir + ": " + e.getMessage(), e);
        }
        var panelEnv = new java.util.HashMap<>(env);
        panelEnv.put("NO_AT_BRIDGE", "1");
        start(List.of(program("xfce4-panel", "xfce4-panel"), "--disable-wm-check"), panelEnv, null);
        String dbusSend = program("dbus-send", "dbus-bin");
        await("xfce4-panel's StatusNotifier watcher", () -> nameHasOwner(dbusSend, env, "org.kde.StatusNotifierWatcher"));
        statusNotifierHost = true;
    }

    /** The private session bus (started once); the environment its clients need. */
    private static Map<String, String> ensureSessionBus() {
        Path dir = Path.of(required("ccbridge.test.sessionDir"));
        Path bus = dir.resolve("bus");
        String address = "unix:path=" + bus;
        Map<String, String> env = Map.of("DBUS_SESSION_BUS_ADDRESS", address,
                "XDG_DATA_HOME", dir.resolve("data").toString(),
                "XDG_RUNTIME_DIR", dir.resolve("runtime").toString());
        if (sessionBus) {
            return env;
        }
        if (!address.equals(System.getenv("DBUS_SESSION_BUS_ADDRESS"))) {
            throw new IllegalStateException("DBUS_SESSION_BUS_ADDRESS is not the private test bus " + address
                    + ": run desktop tests through Maven, never against your own session's bus and keychain");
        }
        try {
            Path runtime = dir.resolve("runtime");
            Files.createDirectories(runtime);
            Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(dir.resolve("data"));
            Files.deleteIfExists(bus);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        start(List.of(program("dbus-daemon", "dbus-daemon"), "--session", "--address=" + address, "--nofork",
                "--nopidfile"), env, null);
        await("the private session bus", () -> accepts(bus));
        sessionBus = true;
        return env;
    }

    private static boolean nameHasOwner(String dbusSend, Map<String, String> env, String name) {
        try {
            var builder = new ProcessBuilder(dbusSend, "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:" + name)
                    .redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 && out.contains("boolean true");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts a program under a small shell that stops it once this JVM is gone. Stopping the X
     * server from inside the JVM (a shutdown hook) would kill AWT's connection first and make
     * the JVM exit with an error, so the stopping happens outside, after the exit.
     */
    private static void start(List<String> command, Map<String, String> env, String stdin) {
        long jvm = ProcessHandle.current().pid();
        List<String> reaped = new ArrayList<>(List.of("sh", "-c",
                // fd 3 carries our stdin to the child: a background job's own stdin is /dev/null.
                "exec 3<&0; \"$@\" <&3 3<&- & child=$!; exec 3<&-; trap 'kill $child 2>/dev/null' TERM INT;"
                        + " while kill -0 " + jvm + " 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 0.3; done;"
                        + " kill $child 2>/dev/null; wait $child",
                "reaper"));
        reaped.addAll(command);
        try {
            var builder = new ProcessBuilder(reaped).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(env);
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command.getFirst() + ": " + e.getMessage(), e);
        }
    }

    /** The program's path; a clear failure naming the Debian package when it is missing. */
    public static String program(String name, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed: the desktop tests need it (Debian: apt-get install "
                + debianPackage + ")");
    }

    static boolean accepts(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(String what, BooleanSupplier ready) {
        try {
            Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(ready::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(what + " did not come up within 20 s", e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the desktop tests "
                    + "through Maven (app/pom.xml sets it)");
        }
        return value;
    }
}
