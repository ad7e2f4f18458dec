package dev.ccbridge.core.env;

import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.target.Target;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The environment variables that point Claude Code at ccbridge, as a snippet to paste into a
 * shell. Values are quoted for each shell so any token or URL survives.
 */
public final class EnvSnippets {
    public static final String BASE_URL = "ANTHROPIC_BASE_URL";
    public static final String AUTH_TOKEN = "ANTHROPIC_AUTH_TOKEN";
    public static final String NO_PROXY = "NO_PROXY";
    private static final List<String> LOOPBACK_HOSTS = List.of(ServerSettings.LOOPBACK, "localhost");

    private EnvSnippets() {}

    /**
     * The variables Claude Code needs, in order: where ccbridge is, its token, and {@code NO_PROXY}
     * (this machine added to the {@code NO_PROXY} of {@code env}), since Claude Code sends its
     * requests through the proxy {@code HTTPS_PROXY} names, and a proxy cannot reach 127.0.0.1.
     */
    public static Map<String, String> variables(String baseUrl, String token, Map<String, String> env) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(BASE_URL, baseUrl);
        vars.put(AUTH_TOKEN, token);
        vars.put(NO_PROXY, noProxy(env.getOrDefault(NO_PROXY, env.getOrDefault("no_proxy", ""))));
        return vars;
    }

    /** {@code 127.0.0.1,localhost} followed by the other hosts of an existing list. */
    static String noProxy(String existing) {
        Set<String> hosts = new LinkedHashSet<>(LOOPBACK_HOSTS);
        for (String host : existing.split(",")) {
            if (!host.isBlank()) {
                hosts.add(host.strip());
            }
        }
        return String.join(",", hosts);
    }

    /** The gateway's base URL on this machine: {@code http://127.0.0.1:8787}. */
    public static String gatewayUrl(int port) {
        return "http://" + ServerSettings.LOOPBACK + ":" + port;
    }

    /** The URL that pins a terminal to one target, whichever target is active. */
    public static String pinnedUrl(String gatewayBaseUrl, Target target) {
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
