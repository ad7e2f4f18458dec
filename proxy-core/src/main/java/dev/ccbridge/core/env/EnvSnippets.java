package dev.ccbridge.core.env;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment variables that point Claude Code at ccbridge, as a snippet to paste into a
 * shell. Values are quoted for each shell so any token or URL survives.
 */
public final class EnvSnippets {
    public static final String BASE_URL = "ANTHROPIC_BASE_URL";
    public static final String AUTH_TOKEN = "ANTHROPIC_AUTH_TOKEN";

    private EnvSnippets() {}

    /** The two variables Claude Code needs, in order. */
    public static Map<String, String> variables(String baseUrl, String token) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(BASE_URL, baseUrl);
        vars.put(AUTH_TOKEN, token);
        return vars;
    }

    /** The URL that pins a terminal to one target, whichever target is active. */
    public static String pinnedUrl(String gatewayBaseUrl, dev.ccbridge.core.target.Target target) {
        return target.pinnedUrl(gatewayBaseUrl);
    }

    public static String render(Shell shell, Map<String, String> variables) {
        return variables.entrySet().stream()
                .map(e -> line(shell, e.getKey(), e.getValue()))
                .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
    }

    private static String line(Shell shell, String name, String value) {
        return switch (shell) {
            case BASH -> "export " + name + "='" + value.replace("'", "'\\''") + "'";
            case FISH -> "set -gx " + name + " '" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
            case POWERSHELL -> "$env:" + name + " = '" + value.replace("'", "''") + "'";
            case CMD -> "set \"" + name + "=" + value + "\"";
        };
    }
}
