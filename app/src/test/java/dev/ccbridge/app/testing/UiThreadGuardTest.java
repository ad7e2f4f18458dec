package dev.ccbridge.app.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccbridge.app.services.RegistryTargetStore;
import dev.ccbridge.app.services.TargetStore;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.TargetRegistry;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The guard the view-model and window tests run with: it must catch what it is there to catch. */
@ExtendWith(ApplicationExtension.class)
class UiThreadGuardTest {
    private final UiThreadGuard guard = UiThreadGuard.fx();
    private final TargetStore targets = guard.guard(TargetStore.class, new RegistryTargetStore(
            new TargetRegistry(new GatewayConfig(1, 0, null, null, List.of(), null), null)));
    private final SecretStore secrets = guard.guard(new InMemorySecretStore());

    @Start
    void start(Stage stage) {
        // the toolkit only
    }

    @Test
    void aBlockingCallOnTheFxThreadThrowsAndIsRemembered() throws Exception {
        assertThatThrownBy(() -> FxWait.onFx(() -> {
            targets.activate("deepseek");
            return null;
        }))
                .hasRootCauseMessage("TargetStore.activate must not run on the UI thread (JavaFX Application Thread)");
        FxWait.onFx(() -> {
            try {
                secrets.put("target.x", "sk-0123456789");
            } catch (IllegalStateException swallowed) {
                // as a careless callback would
            }
            return null;
        });
        assertThat(guard.violations()).containsExactly("TargetStore.activate", "SecretStore.put");
    }

    @Test
    void readsFromMemoryAndCallsFromOtherThreadsAreFine() throws Exception {
        assertThat(FxWait.onFx(targets::targets)).isEmpty();
        assertThat(FxWait.onFx(secrets::name)).isNotBlank();
        secrets.put("target.x", "sk-0123456789");
        assertThat(secrets.get("target.x")).contains("sk-0123456789");
        assertThat(guard.violations()).isEmpty();
    }
}
