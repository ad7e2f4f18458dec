package dev.ccbridge.app.testing;

import dev.ccbridge.app.tray.dbus.SessionBus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;

/**
 * A D-Bus session bus of the test's own (a real {@code dbus-daemon}), so the desktop's parts the
 * test plays (a panel's watcher, a notification server) and the app's tray meet on a bus no one
 * else uses. Closing it stops the daemon.
 */
public final class PrivateBus implements AutoCloseable {
    private final Process daemon;
    private final String address;

    private PrivateBus(Process daemon, String address) {
        this.daemon = daemon;
        this.address = address;
    }

    public static PrivateBus start(Path dir) {
        Path socket = dir.resolve("bus");
        String address = "unix:path=" + socket;
        try {
            Files.createDirectories(dir);
            Process daemon = new ProcessBuilder(DesktopSession.program("dbus-daemon", "dbus-daemon"), "--session",
                    "--address=" + address, "--nofork", "--nopidfile")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // Listening, not just bound: a connection made between the two is refused.
            try {
                Awaitility.await("dbus-daemon listening on " + address).atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> !daemon.isAlive() || DesktopSession.accepts(socket));
            } catch (ConditionTimeoutException e) {
                daemon.destroy();
                throw new IllegalStateException("dbus-daemon did not start on " + address, e);
            }
            if (!daemon.isAlive()) {
                throw new IllegalStateException("dbus-daemon did not start on " + address);
            }
            return new PrivateBus(daemon, address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new connection to this bus (one per party: the app, the panel, the notification server). */
    public DBusConnection connect() {
        try {
            return SessionBus.connect(address);
        } catch (DBusException e) {
            throw new IllegalStateException("cannot connect to " + address, e);
        }
    }

    @Override
    public void close() {
        daemon.destroy();
    }
}
