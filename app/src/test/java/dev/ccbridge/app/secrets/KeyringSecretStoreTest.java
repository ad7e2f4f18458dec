package dev.ccbridge.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.testing.DesktopSession;
import dev.ccbridge.core.secrets.KeyringSecretStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The keychain store against a real Secret Service (gnome-keyring on a private session bus). */
@Tag("desktop")
@ExtendWith(DesktopSession.SecretService.class)
class KeyringSecretStoreTest {
    @Test
    void keysAreStoredReadBackAndSurviveANewConnection() {
        String account = "target.keyring-test-" + System.nanoTime();
        try (var store = opened()) {
            assertThat(store.get(account)).isEmpty();
            store.put(account, "sk-live-0123456789abcdef");
            assertThat(store.get(account)).contains("sk-live-0123456789abcdef");
            assertThat(store.persistent()).isTrue();
            assertThat(store.name()).isEqualTo("OS keychain");
        }
        // A new connection sees it: it is in the keychain, not in our cache.
        try (var store = opened()) {
            assertThat(store.get(account)).contains("sk-live-0123456789abcdef");
            store.put(account, "sk-live-replaced-000000");
            assertThat(store.get(account)).contains("sk-live-replaced-000000");
            store.delete(account);
            assertThat(store.get(account)).isEmpty();
            store.delete(account); // deleting what is not there is not an error
        }
        try (var store = opened()) {
            assertThat(store.get(account)).isEmpty();
        }
    }

    @Test
    void withoutASecretServiceTheStoreSaysWhyInsteadOfFailing() throws Exception {
        // In a child JVM whose session bus does not exist: the app then falls back to memory.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Probe.class.getName())).redirectErrorStream(true);
        builder.environment().put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + System.getProperty("java.io.tmpdir")
                + "/ccbridge-no-such-bus-" + ProcessHandle.current().pid());
        Process process = builder.start();
        String output;
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output = out.lines().collect(Collectors.joining("\n"));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("UNAVAILABLE: ").doesNotContain("OPENED");
    }

    /** Run in the child JVM. */
    public static final class Probe {
        public static void main(String[] args) {
            switch (KeyringSecretStore.open()) {
                case KeyringSecretStore.Opening.Opened opened -> System.out.println("OPENED");
                case KeyringSecretStore.Opening.Unavailable unavailable ->
                        System.out.println("UNAVAILABLE: " + unavailable.reason());
            }
            System.exit(0);
        }
    }

    private static KeyringSecretStore opened() {
        var opening = KeyringSecretStore.open();
        assertThat(opening).as("the private Secret Service answers").isInstanceOf(KeyringSecretStore.Opening.Opened.class);
        return ((KeyringSecretStore.Opening.Opened) opening).store();
    }
}
