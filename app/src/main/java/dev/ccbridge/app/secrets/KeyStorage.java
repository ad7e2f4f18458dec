package dev.ccbridge.app.secrets;

import dev.ccbridge.core.secrets.ChainedSecretStore;
import dev.ccbridge.core.secrets.EnvSecretStore;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.secrets.KeyringSecretStore;
import dev.ccbridge.core.secrets.SecretStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the app keeps API keys: the OS keychain when there is one; otherwise memory for this
 * session, with a notice saying so, and (only if the user opted in) keys read from
 * {@code CCBRIDGE_KEY_<ID>} environment variables.
 *
 * @param notice what the user must be told about it; empty with a keychain
 */
public record KeyStorage(SecretStore store, boolean keychain, Optional<String> notice, AutoCloseable closer) {

    public static KeyStorage choose(Supplier<KeyringSecretStore.Opening> keychain, boolean envKeys,
                                    Map<String, String> env) {
        KeyringSecretStore.Opening opening = keychain.get();
        if (opening instanceof KeyringSecretStore.Opening.Opened(KeyringSecretStore store)) {
            return new KeyStorage(store, true, Optional.empty(), store);
        }
        String reason = ((KeyringSecretStore.Opening.Unavailable) opening).reason();
        if (envKeys) {
            SecretStore chained = new ChainedSecretStore(List.of(new InMemorySecretStore(), new EnvSecretStore(env)));
            return new KeyStorage(chained, false, Optional.of("The OS keychain is not available (" + reason
                    + "). Keys are read from CCBRIDGE_KEY_<ID> environment variables; keys typed here last for"
                    + " this session only."), () -> { });
        }
        return new KeyStorage(new InMemorySecretStore(), false, Optional.of("The OS keychain is not available (" + reason
                + "). Keys you enter are kept for this session only; to keep them, set CCBRIDGE_KEY_<ID> "
                + "variables and turn on \"Read keys from environment variables\" in Settings."), () -> { });
    }

    /** A store picked by the caller (tests, or a keychain opened elsewhere). */
    public static KeyStorage of(SecretStore store) {
        return new KeyStorage(store, store instanceof KeyringSecretStore, Optional.empty(), () -> { });
    }
}
