package dev.ccbridge.core.secrets;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where keys are stored, for every front end: the OS keychain when one is reachable; otherwise
 * memory (keys typed into the app last for its session) and a notice, said once, that keys come
 * from the environment ({@code apiKeyEnv}, {@code CCBRIDGE_KEY_<ID>}).
 *
 * @param notice what the user must be told; empty with a keychain
 * @param closer ends the keychain connection
 */
public record KeyStorage(SecretStore store, boolean keychain, Optional<String> notice, AutoCloseable closer) {

    /** The OS keychain if it answers (waiting at most a few seconds for a locked one), else memory. */
    public static KeyStorage open() {
        return choose(KeyringSecretStore::open);
    }

    public static KeyStorage choose(Supplier<KeyringSecretStore.Opening> keychain) {
        return switch (keychain.get()) {
            case KeyringSecretStore.Opening.Opened(KeyringSecretStore store) ->
                    new KeyStorage(store, true, Optional.empty(), store);
            case KeyringSecretStore.Opening.Unavailable(String reason) -> new KeyStorage(new InMemorySecretStore(),
                    false, Optional.of("No OS keychain is reachable here (" + reason + "), so API keys come from the"
                    + " environment: the variable a target names (apiKeyEnv), or CCBRIDGE_KEY_<ID>."), () -> { });
        };
    }

    /** A store picked by the caller (tests, or a keychain opened elsewhere). */
    public static KeyStorage of(SecretStore store) {
        return new KeyStorage(store, store instanceof KeyringSecretStore, Optional.empty(), () -> { });
    }
}
