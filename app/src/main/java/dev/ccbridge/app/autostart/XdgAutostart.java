package dev.ccbridge.app.autostart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Linux and the BSDs: {@code $XDG_CONFIG_HOME/autostart/ccbridge.desktop} (the XDG Autostart spec),
 * which GNOME, KDE Plasma, XFCE, Cinnamon, MATE and LXQt run at login.
 */
public record XdgAutostart(Path directory) implements StartAtLogin {
    static final String FILE = "ccbridge.desktop";
    /** Characters the Desktop Entry spec says an Exec argument must be quoted for. */
    private static final Pattern RESERVED = Pattern.compile("[\\s\"'\\\\><~|&;$*?#()`]");

    public Path file() {
        return directory.resolve(FILE);
    }

    @Override
    public boolean enabled() {
        return Files.isRegularFile(file());
    }

    @Override
    public void enable(LaunchCommand command) throws IOException {
        Files.createDirectories(directory);
        String entry = String.join("\n",
                "[Desktop Entry]",
                "Type=Application",
                "Name=ccbridge",
                "Comment=Claude Code Bridge, started in the tray at login",
                "Exec=" + exec(command.arguments()),
                "Terminal=false",
                "X-GNOME-Autostart-enabled=true",
                "");
        // Written beside and moved into place: a login never finds half an entry.
        Path scratch = Files.createTempFile(directory, ".ccbridge", ".desktop");
        Files.writeString(scratch, entry);
        Files.move(scratch, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void disable() throws IOException {
        Files.deleteIfExists(file());
    }

    @Override
    public String location() {
        return file().toString();
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
