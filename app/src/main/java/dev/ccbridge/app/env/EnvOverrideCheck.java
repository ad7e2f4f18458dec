package dev.ccbridge.app.env;

import dev.ccbridge.app.services.Blocking;
import java.util.List;
import java.util.Map;

/**
 * Whether a settings file of Claude Code's would override the variables of a snippet: the core's
 * {@code ClaudeSettingsCheck::warnings} in the app, a fixed answer in tests.
 */
@FunctionalInterface
public interface EnvOverrideCheck {
    /** Never warns (tests, and where there is nothing to check). */
    EnvOverrideCheck NONE = snippet -> List.of();

    /** One warning per file that stands in the snippet's way; empty when none does. Reads files. */
    @Blocking
    List<String> warnings(Map<String, String> snippet);
}
