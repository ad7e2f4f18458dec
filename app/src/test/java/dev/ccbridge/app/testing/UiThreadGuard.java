package dev.ccbridge.app.testing;

import dev.ccbridge.app.services.AppServices;
import dev.ccbridge.app.services.Blocking;
import dev.ccbridge.app.services.GatewayCalls;
import dev.ccbridge.app.services.GatewaySwitch;
import dev.ccbridge.app.services.History;
import dev.ccbridge.app.services.LoginStart;
import dev.ccbridge.app.services.SearchSetup;
import dev.ccbridge.app.services.TargetStore;
import dev.ccbridge.app.env.EnvOverrideCheck;
import dev.ccbridge.app.log.ExportFiles;
import dev.ccbridge.app.secrets.ForwardingSecretStore;
import dev.ccbridge.app.settings.SettingsStore;
import dev.ccbridge.core.secrets.SecretStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when a blocking call runs on the UI thread: every {@link Blocking} method of the
 * app's services, and the key store's reads and writes. Guarded services throw on such a call
 * and remember it; after each test ({@code @RegisterExtension}) any remembered call fails the
 * test, even one whose exception the UI thread swallowed.
 */
public final class UiThreadGuard implements AfterEachCallback {
    private final BooleanSupplier onUiThread;
    private final List<String> violations = new CopyOnWriteArrayList<>();

    private UiThreadGuard(BooleanSupplier onUiThread) {
        this.onUiThread = onUiThread;
    }

    /** For window tests: the UI thread is the JavaFX application thread. */
    public static UiThreadGuard fx() {
        return new UiThreadGuard(Platform::isFxApplicationThread);
    }

    public static UiThreadGuard of(BooleanSupplier onUiThread) {
        return new UiThreadGuard(onUiThread);
    }

    /** The same services, each blocking one guarded. */
    public AppServices guard(AppServices s) {
        return new AppServices(guard(TargetStore.class, s.targets()), guard(s.secrets()),
                guard(GatewaySwitch.class, s.gateway()), guard(GatewayCalls.class, s.calls()), s.servedModes(),
                s.log(), guard(History.class, s.history()), guard(SettingsStore.class, s.settings()), s.notices(),
                guard(EnvOverrideCheck.class, s.claudeSettings()), guard(ExportFiles.class, s.exportFiles()),
                guard(LoginStart.class, s.loginStart()), guard(SearchSetup.class, s.search()));
    }

    /** {@code target} seen through {@code type}, its {@link Blocking} methods guarded. */
    public <T> T guard(Class<T> type, T target) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.isAnnotationPresent(Blocking.class)) {
                check(type.getSimpleName() + "." + method.getName());
            }
            return invoke(method, target, args);
        });
        return type.cast(proxy);
    }

    /** A key store whose reads and writes (the OS keychain's D-Bus calls, in the app) are guarded. */
    public SecretStore guard(SecretStore store) {
        return new ForwardingSecretStore(store) {
            @Override
            public Optional<String> get(String account) {
                check("SecretStore.get");
                return super.get(account);
            }

            @Override
            public void put(String account, String secret) {
                check("SecretStore.put");
                super.put(account, secret);
            }

            @Override
            public void delete(String account) {
                check("SecretStore.delete");
                super.delete(account);
            }
        };
    }

    /** The blocking calls made on the UI thread so far. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!violations.isEmpty()) {
            throw new AssertionError("blocking calls ran on the UI thread: " + violations);
        }
    }

    private void check(String call) {
        if (onUiThread.getAsBoolean()) {
            violations.add(call);
            throw new IllegalStateException(call + " must not run on the UI thread (" + Thread.currentThread().getName()
                    + ")");
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
