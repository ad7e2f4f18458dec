package dev.ccbridge.app.env;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks at Claude Code's user settings ({@code ~/.claude/settings.json}): values in its
 * {@code env} section win over the shell's, so a stale {@code ANTHROPIC_*} entry there would
 * silently defeat the snippet. Only reads; never changes the file.
 */
public final class ClaudeSettingsCheck implements EnvOverrideCheck {
    private final Path settingsFile;

    public ClaudeSettingsCheck(Path settingsFile) {
        this.settingsFile = settingsFile;
    }

    public static ClaudeSettingsCheck forUser() {
        return new ClaudeSettingsCheck(Path.of(System.getProperty("user.home", "."), ".claude", "settings.json"));
    }

    public Path file() {
        return settingsFile;
    }

    /** Entries of the file's env section that would override what the snippet sets. */
    public List<String> overriding(Map<String, String> snippet) {
        JsonNode env = envSection().orElse(null);
        List<String> found = new ArrayList<>();
        if (env == null) {
            return found;
        }
        for (Iterator<String> names = env.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.startsWith("ANTHROPIC_")) {
                continue;
            }
            String ours = snippet.get(name);
            String theirs = env.path(name).asText(null);
            if (ours == null || !ours.equals(theirs)) {
                found.add(name);
            }
        }
        return found;
    }

    /** A warning to show, or empty when the file does not stand in the snippet's way. */
    @Override
    public Optional<String> warning(Map<String, String> snippet) {
        if (!Files.isRegularFile(settingsFile)) {
            return Optional.empty();
        }
        if (envSection().isEmpty() && Json.parseOrNull(read()) == null) {
            return Optional.of(settingsFile + " could not be read as JSON; if it sets ANTHROPIC_* values in \"env\","
                    + " they override your shell.");
        }
        List<String> names = overriding(snippet);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(settingsFile + " sets " + String.join(", ", names) + " in its \"env\" section. Claude Code"
                + " applies those over your shell, so this snippet would not take effect. Remove or update them"
                + " there (ccbridge does not change that file).");
    }

    private Optional<JsonNode> envSection() {
        JsonNode root = Json.parseOrNull(read());
        JsonNode env = root == null ? null : root.get("env");
        return env != null && env.isObject() ? Optional.of(env) : Optional.empty();
    }

    private String read() {
        try {
            return Files.readString(settingsFile);
        } catch (IOException e) {
            return null;
        }
    }
}
