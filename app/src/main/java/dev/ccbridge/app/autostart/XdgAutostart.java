package dev.ccbridge.app.autostart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Linux and the BSDs: {@code $XDG_CONFIG_HOME/autostart/ccbridge.desktop} (the XDG Autostart spec),
 * which GNOME, KDE Plasma, XFCE, Cinnamon, MATE and LXQt run at login.
 */
public record XdgAutostart(Path directory) implements LoginFile {
    static final String FILE = "ccbridge.desktop";
    /** Characters the Desktop Entry spec says an Exec argument must be quoted for. */
    private static final Pattern RESERVED = Pattern.compile("[\\s\"'\\\\><~|&;$*?#()`]");

    @Override
    public Path file() {
        return directory.resolve(FILE);
    }

    @Override
    public void enable(LaunchCommand command) throws IOException {
        String entry = String.join("\n",
                "[Desktop Entry]",
                "Type=Application",
                "Name=ccbridge",
                "Comment=Claude Code Bridge, started in the tray at login",
                "Exec=" + exec(command.arguments()),
                "Terminal=false",
                "X-GNOME-Autostart-enabled=true",
                "");
        LoginFile.write(file(), entry);
    }

    /** The Exec value: arguments quoted as the Desktop Entry spec asks, then escaped as a string value. */
    static String exec(List<String> arguments) {
        return arguments.stream().map(XdgAutostart::quoted)
                .map(argument -> argument.replace("\\", "\\\\").replace("%", "%%"))
                .collect(Collectors.joining(" "));
    }

    private static String quoted(String argument) {
        if (!argument.isEmpty() && !RESERVED.matcher(argument).find()) {
            return argument;
        }
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"").replace("`", "\\`")
                .replace("$", "\\$") + "\"";
    }
}
