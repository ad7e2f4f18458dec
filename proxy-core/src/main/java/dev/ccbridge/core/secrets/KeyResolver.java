package dev.ccbridge.core.secrets;

import dev.ccbridge.core.target.Target;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a target's API key, the same way for every front end (the app, {@code serve},
 * {@code test}, {@code targets list}): the key store first (the OS keychain where one is
 * reachable), then the environment variable the target names ({@code apiKeyEnv}), then
 * ccbridge's own {@code CCBRIDGE_KEY_<ID>}.
 */
public final class KeyResolver {
    public static final String VARIABLE_PREFIX = "CCBRIDGE_KEY_";

    private final SecretStore store;
    private final Map<String, String> env;

    public KeyResolver(SecretStore store) {
        this(store, System.getenv());
    }

    public KeyResolver(SecretStore store, Map<String, String> env) {
        this.store = store;
        this.env = env;
    }

    /** ccbridge's own variable for a target's key: {@code CCBRIDGE_KEY_DEEPSEEK} for {@code deepseek}. */
    public static String variableFor(Target target) {
        return variableFor(target.id());
    }

    public static String variableFor(String targetId) {
        return VARIABLE_PREFIX + targetId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public Optional<FoundKey> find(Target target) {
        Optional<String> stored = store.get(target.secretAccount()).filter(key -> !key.isBlank());
        if (stored.isPresent()) {
            return Optional.of(new FoundKey(stored.get(), new KeySource.Store(store.name())));
        }
        String named = target.apiKeyEnv() == null ? "" : target.apiKeyEnv().strip();
        if (!named.isEmpty() && present(named)) {
            return Optional.of(new FoundKey(env.get(named).strip(), new KeySource.TargetVariable(named)));
        }
        String own = variableFor(target);
        if (present(own)) {
            return Optional.of(new FoundKey(env.get(own).strip(), new KeySource.CcbridgeVariable(own)));
        }
        return Optional.empty();
    }

    public Optional<String> keyFor(Target target) {
        return find(target).map(FoundKey::value);
    }

    /** Whether the target can be sent requests as far as its key goes; {@code active} empty: none is active. */
    public TargetReadiness readiness(Optional<Target> active) {
        if (active.isEmpty()) {
            return new TargetReadiness.NoTarget();
        }
        Target target = active.get();
        Optional<FoundKey> key = find(target);
        return key.isEmpty() && TargetReadiness.needsKey(target) ? new TargetReadiness.MissingKey(target)
                : new TargetReadiness.Ready(target, key.map(FoundKey::source));
    }

    public SecretStore store() {
        return store;
    }

    private boolean present(String variable) {
        String value = env.get(variable);
        return value != null && !value.isBlank();
    }
}
