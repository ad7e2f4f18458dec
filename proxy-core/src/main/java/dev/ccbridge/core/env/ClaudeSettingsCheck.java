package dev.ccbridge.core.env;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks at the settings files whose {@code env} block Claude Code applies over the shell: the
 * user's ({@code ~/.claude/settings.json}, {@code $CLAUDE_CONFIG_DIR/settings.json}) and the
 * current project's ({@code .claude/settings.json}, {@code .claude/settings.local.json}). A stale
 * {@code ANTHROPIC_*} entry there silently defeats ccbridge's variables. Only reads; never changes
 * a file. Used by {@code ccbridge env} and the app's "Copy env vars" alike.
 */
public final class ClaudeSettingsCheck {
    private final List<Path> files;

    public ClaudeSettingsCheck(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /**
     * The files Claude Code reads for this user ({@code HOME}, as Claude Code finds it) and, when
     * {@code projectDir} is given, for the project there.
     */
    public static ClaudeSettingsCheck of(Map<String, String> env, Path projectDir) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home", "."));
        Set<Path> files = new LinkedHashSet<>();
        files.add(Path.of(home, ".claude", "settings.json"));
        String configDir = env.get("CLAUDE_CONFIG_DIR");
        if (configDir != null && !configDir.isBlank()) {
            files.add(Path.of(configDir, "settings.json"));
        }
        if (projectDir != null) {
            files.add(projectDir.resolve(".claude").resolve("settings.json"));
            files.add(projectDir.resolve(".claude").resolve("settings.local.json"));
        }
        return new ClaudeSettingsCheck(new ArrayList<>(files));
    }

    public List<Path> files() {
        return files;
    }

    /** One warning per file that would override what {@code snippet} sets; empty when none stands in its way. */
    public List<String> warnings(Map<String, String> snippet) {
        List<String> warnings = new ArrayList<>();
        for (Path file : files) {
            warning(file, snippet).ifPresent(warnings::add);
        }
        return warnings;
    }

    private static Optional<String> warning(Path file, Map<String, String> snippet) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root = Json.parseOrNull(read(file));
        if (root == null) {
            return Optional.of(file + " could not be read as JSON; if it sets ANTHROPIC_* values in \"env\","
                    + " they override your shell.");
        }
        List<String> names = overriding(root.get("env"), snippet);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(file + " sets " + String.join(", ", names) + " in its \"env\" section. Claude Code"
                + " applies those over your shell, so these variables would not take effect. Remove or update them"
                + " there (ccbridge does not change that file).");
    }

    /** The {@code ANTHROPIC_*} entries of an env section whose values differ from the snippet's. */
    static List<String> overriding(JsonNode env, Map<String, String> snippet) {
        List<String> found = new ArrayList<>();
        if (env == null || !env.isObject()) {
            return found;
        }
        for (Iterator<String> names = env.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("ANTHROPIC_") && !env.path(name).asText("").equals(snippet.get(name))) {
                found.add(name);
            }
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }
}
