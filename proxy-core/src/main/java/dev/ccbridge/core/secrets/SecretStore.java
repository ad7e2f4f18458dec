package dev.ccbridge.core.secrets;

import java.util.Optional;

/**
 * Where API keys are stored: the OS keychain, or memory (tests, an app session without a
 * keychain). Keys never go to the config file; {@link KeyResolver} also reads them from the
 * environment.
 */
public interface SecretStore {
    Optional<String> get(String account);

    /** @throws UnsupportedOperationException if this store is read-only */
    void put(String account, String secret);

    void delete(String account);

    /** A short name for the UI and messages, e.g. "OS keychain". */
    String name();

    /** Tells the user how to give this store a key for {@code account}. */
    default String howToStore(String account) {
        return "store a key for it in the " + name();
    }

    /** Whether keys put here survive a restart. */
    boolean persistent();
}
