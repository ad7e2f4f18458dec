package dev.ccbridge.core.cli;

import dev.ccbridge.core.secrets.KeyResolver;
import dev.ccbridge.core.secrets.KeySource;
import dev.ccbridge.core.secrets.TargetReadiness;
import dev.ccbridge.core.target.Target;
import java.util.Optional;

/** How the command line says where a target's key comes from (never the key itself). */
final class KeyWords {
    private KeyWords() {}

    static String of(Target target, KeyResolver keys) {
        return switch (keys.readiness(Optional.of(target))) {
            case TargetReadiness.Ready ready -> ready.key().map(KeyWords::source).orElse("no key needed");
            case TargetReadiness.MissingKey missing -> "no key: " + missing.command();
            case TargetReadiness.NoTarget _ -> "";
        };
    }

    private static String source(KeySource source) {
        return switch (source) {
            case KeySource.Store store -> "key in the " + store.name();
            case KeySource.TargetVariable variable -> "key from " + variable.describe();
            case KeySource.CcbridgeVariable variable -> "key from " + variable.describe();
        };
    }
}
