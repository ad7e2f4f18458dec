package dev.ccbridge.app.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a desktop entry the way GNOME and XFCE run autostart entries: GLib's launcher
 * ({@code gio launch}). What it started outlives it, holding whatever output it inherited, so
 * the output goes to a file rather than a pipe the test would wait on. It runs in {@code home}, as
 * a login session runs its entries in the user's home, so nothing the started program writes where
 * it runs (a JVM's crash report, say) lands in the checkout.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {}

    public static void launch(Path entry, Path home) throws IOException, InterruptedException {
        Path log = Files.createTempFile("gio-launch", ".log");
        try {
            Process gio = new ProcessBuilder(DesktopSession.program("gio", "libglib2.0-bin"), "launch",
                    entry.toString()).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!gio.waitFor(30, TimeUnit.SECONDS)) {
                gio.destroyForcibly();
                throw new AssertionError("gio launch " + entry + " did not return within 30 s");
            }
            if (gio.exitValue() != 0) {
                throw new AssertionError("gio launch " + entry + " failed: " + Files.readString(log));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
