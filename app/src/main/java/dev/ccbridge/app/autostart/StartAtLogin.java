package dev.ccbridge.app.autostart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Starting ccbridge when the user logs in, the platform's own way: an XDG autostart entry on Linux,
 * the per-user Run key on Windows, a LaunchAgent on macOS. Off until the user turns it on.
 */
public sealed interface StartAtLogin permits LoginFile, WindowsRunKey, StartAtLogin.Unsupported {
    /** Whether the desktop will start ccbridge at the next login. */
    boolean enabled();

    void enable(LaunchCommand command) throws IOException;

    void disable() throws IOException;

    /** Where the entry lives, to show the user. */
    String location();

    static StartAtLogin forThisPlatform() {
        return forPlatform(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home", ".")));
    }

    static StartAtLogin forPlatform(String osName, Map<String, String> env, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return new WindowsRunKey();
        }
        if (os.contains("mac")) {
            return new MacLaunchAgent(userHome.resolve("Library").resolve("LaunchAgents"));
        }
        if (os.contains("linux") || os.contains("bsd")) {
            String config = env.get("XDG_CONFIG_HOME");
            Path base = config != null && !config.isBlank() ? Path.of(config) : userHome.resolve(".config");
            return new XdgAutostart(base.resolve("autostart"));
        }
        return new Unsupported();
    }

    /** A platform without a known way (the setting is then not offered). */
    record Unsupported() implements StartAtLogin {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void enable(LaunchCommand command) throws IOException {
            throw new IOException("starting at login is not supported on this system");
        }

        @Override
        public void disable() {
            // Nothing was ever set up.
        }

        @Override
        public String location() {
            return "";
        }
    }
}
