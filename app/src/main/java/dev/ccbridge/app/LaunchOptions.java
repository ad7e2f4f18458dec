package dev.ccbridge.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the desktop launch: {@code --headless}, {@code --config FILE},
 * {@code --port N}. Everything else is kept for the headless server, which knows more options,
 * or for the command line when it names a command ({@code ccbridge targets list}).
 *
 * @param port a port for this session only (the saved setting is left alone); null: the configured one
 */
public record LaunchOptions(boolean headless, Path config, Integer port, List<String> raw) {
    public static final String HEADLESS = "--headless";
    private static final Set<String> HELP_AND_VERSION = Set.of("-h", "--help", "-V", "--version");

    public static LaunchOptions parse(List<String> args) {
        boolean headless = false;
        Path config = null;
        Integer port = null;
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg == null || arg.isBlank()) {
                continue; // an empty -Dccbridge.args from the run profile
            }
            if (arg.equals(HEADLESS)) {
                headless = true;
                continue;
            }
            raw.add(arg);
            if ((arg.equals("--config") || arg.equals("--port")) && i + 1 < args.size()) {
                String value = args.get(++i);
                raw.add(value);
                if (arg.equals("--config")) {
                    config = Path.of(value);
                } else {
                    port = parsePort(value);
                }
            } else if (arg.startsWith("--config=")) {
                config = Path.of(arg.substring("--config=".length()));
            } else if (arg.startsWith("--port=")) {
                port = parsePort(arg.substring("--port=".length()));
            }
        }
        return new LaunchOptions(headless, config, port, List.copyOf(raw));
    }

    /**
     * Whether to run the headless server instead of the window: asked for, or no display to
     * show one on (a server, CI, an SSH session).
     */
    public boolean runHeadless(Map<String, String> env, String osName, String awtHeadless) {
        if (headless || "true".equalsIgnoreCase(awtHeadless)) {
            return true;
        }
        boolean linuxLike = !osName.toLowerCase(java.util.Locale.ROOT).contains("win")
                && !osName.toLowerCase(java.util.Locale.ROOT).contains("mac");
        return linuxLike && isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"));
    }

    /**
     * Whether the arguments name one of the command line's {@code commands} (or ask for its help or
     * version): then they are run as that command, window or not, e.g.
     * {@code ./mvnw -Prun -Dccbridge.args="targets list"}.
     */
    public boolean namesCommand(Set<String> commands) {
        for (int i = 0; i < raw.size(); i++) {
            String arg = raw.get(i);
            if (arg.equals("--config") || arg.equals("--port")) {
                i++; // its value
            } else if (HELP_AND_VERSION.contains(arg)) {
                return true;
            } else if (!arg.startsWith("-")) {
                return commands.contains(arg);
            }
        }
        return false;
    }

    /** The arguments for {@code ccbridge serve}: the same options, {@code --headless} removed. */
    public List<String> serveArguments() {
        List<String> out = new ArrayList<>();
        out.add("serve");
        out.addAll(raw);
        return out;
    }

    private static Integer parsePort(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--port must be between 1 and 65535, not " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number, not '" + value + "'");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
