package dev.ccbridge.core.secrets;

import java.util.Optional;

/**
 * Where API keys live. Implementations: the OS keychain (in the app), environment variables
 * (headless use), memory (tests, keychain-less sessions). Keys never go to the config file.
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
