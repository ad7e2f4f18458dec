package dev.ccbridge.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.secrets.KeyringSecretStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyStorageTest {
    private static final KeyringSecretStore.Opening NO_KEYCHAIN =
            new KeyringSecretStore.Opening.Unavailable("no keyring backend found");

    @Test
    void withoutAKeychainKeysLastForTheSessionAndTheUserIsTold() {
        KeyStorage keys = KeyStorage.choose(() -> NO_KEYCHAIN, false, Map.of("CCBRIDGE_KEY_DEEPSEEK", "sk-env"));
        assertThat(keys.keychain()).isFalse();
        assertThat(keys.store().persistent()).isFalse();
        assertThat(keys.notice()).get().asString().contains("no keyring backend found")
                .contains("kept for this session only");
        assertThat(keys.store().get("target.deepseek")).as("env keys only when opted in").isEmpty();
        keys.store().put("target.deepseek", "sk-typed");
        assertThat(keys.store().get("target.deepseek")).contains("sk-typed");
    }

    @Test
    void optingInReadsKeysFromEnvironmentVariables() {
        KeyStorage keys = KeyStorage.choose(() -> NO_KEYCHAIN, true, Map.of("CCBRIDGE_KEY_DEEPSEEK", "sk-env"));
        assertThat(keys.store().get("target.deepseek")).contains("sk-env");
        assertThat(keys.notice()).get().asString().contains("CCBRIDGE_KEY_<ID>");
        keys.store().put("target.other", "sk-typed");
        assertThat(keys.store().get("target.other")).contains("sk-typed");
    }
}
