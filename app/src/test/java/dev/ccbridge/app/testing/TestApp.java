package dev.ccbridge.app.testing;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.AppPaths;
import dev.ccbridge.app.MainWindow;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.autostart.PlatformLoginStart;
import dev.ccbridge.app.autostart.XdgAutostart;
import dev.ccbridge.app.env.EnvOverrideCheck;
import dev.ccbridge.app.services.AppServices;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.targets.PresetCatalog;
import dev.ccbridge.app.theme.ThemeManager;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.secrets.KeyStorage;
import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;

/** An {@link AppContext} in a temp dir, keys in memory, no targets, a gateway on a free port when started. */
public final class TestApp {
    private TestApp() {}

    /**
     * The context's services as the window gets them, reading no Claude Code settings of the user's
     * and keeping the login entry in the context's own directory.
     */
    public static AppServices services(AppContext context) {
        return context.services().withClaudeSettings(EnvOverrideCheck.NONE).withLoginStart(loginStart(context));
    }

    /** Start at login as on Linux, its entry under the context's data directory. */
    public static PlatformLoginStart loginStart(AppContext context) {
        return new PlatformLoginStart(new XdgAutostart(context.paths().dataDir().resolve("autostart")),
                context.paths());
    }

    public static AppContext open(Path dir) {
        return open(dir, new InMemorySecretStore());
    }

    public static AppContext open(Path dir, SecretStore secrets) {
        Path config = dir.resolve("config.json");
        if (!Files.exists(config)) {
            writeEmptyConfig(config);
        }
        return AppContext.open(new AppPaths(config, dir), 0, () -> KeyStorage.of(secrets));
    }

    /**
     * A hosted provider's target (not yet in a registry) that needs an API key and has none: it
     * names a key variable nobody sets.
     */
    public static Target hostedWithoutKey(String name) {
        String id = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return Target.builder().name(name).provider(id).baseUrl("https://api." + id + ".example/v1")
                .model("model-1").apiMode(ApiMode.CHAT_COMPLETIONS)
                .apiKeyEnv("CCBRIDGE_TEST_UNSET_KEY").build();
    }

    /** The app's window over {@code services}, shown. */
    public static MainWindow showWindow(Stage stage, AppServices services, AppSettings.Theme theme) {
        var window = new MainWindow(stage, services, UiExecutor.javaFx(), new ThemeManager(theme),
                PresetCatalog.builtIn(), Map.of());
        window.show();
        return window;
    }

    /** A config with no targets (the embedded default has four). */
    public static void writeEmptyConfig(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, dev.ccbridge.core.json.Json.CONFIG.writeValueAsString(
                    new GatewayConfig(1, 0, null, null, List.of(), null)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a Messages request to the gateway as Claude Code does (root route, install token). */
    public static HttpResponse<String> ask(AppContext context, String model, String prompt, boolean stream) {
        return ask(context, context.registry().installToken(), model, prompt, stream);
    }

    /** The same request with {@code token} as its bearer token (a wrong one, a stale one). */
    public static HttpResponse<String> ask(AppContext context, String token, String model, String prompt,
                                           boolean stream) {
        String body = "{\"model\":\"" + model + "\",\"max_tokens\":64,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":" + dev.ccbridge.core.json.Json.write(prompt) + "}]}";
        var request = HttpRequest.newBuilder(URI.create(context.server().status().url() + "/v1/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
