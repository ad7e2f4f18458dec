package dev.ccbridge.core.secrets;

import dev.ccbridge.core.target.Target;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a target's API key: the environment variable the target names ({@code apiKeyEnv}), then
 * the secret store. Local providers (Ollama, LM Studio) need none.
 */
public final class KeyResolver {
    private final SecretStore store;
    private final Map<String, String> env;

    public KeyResolver(SecretStore store) {
        this(store, System.getenv());
    }

    public KeyResolver(SecretStore store, Map<String, String> env) {
        this.store = store;
        this.env = env;
    }

    public Optional<String> keyFor(Target target) {
        if (target.apiKeyEnv() != null && !target.apiKeyEnv().isBlank()) {
            String value = env.get(target.apiKeyEnv());
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return store.get(target.secretAccount());
    }

    /** Where the user can put the key, for error messages. */
    public String whereToPut(Target target) {
        String viaEnv = target.apiKeyEnv() != null && !target.apiKeyEnv().isBlank()
                ? "set " + target.apiKeyEnv() + ", or " : "";
        return viaEnv + store.howToStore(target.secretAccount());
    }

    public SecretStore store() {
        return store;
    }
}
