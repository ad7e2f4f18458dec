package dev.ccbridge.app.env;

import dev.ccbridge.app.services.Blocking;
import java.util.Map;
import java.util.Optional;

/** Whether a settings file of Claude Code's would override the variables of a snippet. */
public interface EnvOverrideCheck {
    /** Never warns (tests, and where there is nothing to check). */
    EnvOverrideCheck NONE = snippet -> Optional.empty();

    /** A warning to show, or empty when nothing stands in the snippet's way. Reads files. */
    @Blocking
    Optional<String> warning(Map<String, String> snippet);
}
