package dev.ccbridge.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.AppPaths;
import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.testing.DesktopSession;
import dev.ccbridge.app.testing.FakeTargets;
import dev.ccbridge.app.testing.Launcher.Result;
import dev.ccbridge.app.testing.Launcher;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.core.secrets.KeyStorage;
import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.fake.FakeProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One keychain for the app and the command line, with the real Secret Service (gnome-keyring on
 * the tests' private session bus) and the real {@code ./ccbridge} as a child process: a key set
 * on either side is used by the other.
 */
@Tag("desktop")
@ExtendWith(DesktopSession.SecretService.class)
class SharedKeychainTest {
    @TempDir
    Path dir;

    private Path home;
    private Launcher ccbridge;
    private FakeProvider provider;
    /** Unique per test: the keyring outlives a test. */
    private String name;
    private String id;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(dir.resolve("ccbridge-home"));
        ccbridge = new Launcher(home, dir);
        provider = FakeTargets.provider();
        name = "Fake " + System.nanoTime();
        id = name.toLowerCase().replace(' ', '-');
    }

    @AfterEach
    void tearDown() {
        ccbridge.run(null, "keys", "remove", id);
        provider.close();
    }

    private void addFakeTarget() {
        Result add = ccbridge.run(null, "targets", "add", "--name", name, "--base-url", provider.baseUrl(),
                "--model", "fake-model", "--api-key-env", "CCBRIDGE_TEST_UNSET_KEY", "--activate");
        assertThat(add.exit()).as(add.toString()).isZero();
    }

    private List<String> keysTheProviderSaw() {
        return provider.received().stream().map(request -> request.header("Authorization")).toList();
    }

    @Test
    void aKeySetWithTheCommandLineIsUsedByTestAndServe() throws Exception {
        addFakeTarget();

        Result set = ccbridge.run("sk-from-the-cli-0123456789\n", "keys", "set", id);
        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.out()).isEqualTo("Stored the API key for " + name + " in the OS keychain.\n");
        assertThat(set.err()).as("a keychain was reachable").isEmpty();
        assertThat(keyLine()).endsWith("key in the OS keychain");

        Result test = ccbridge.run(null, "test", id);
        assertThat(test.exit()).as(test.toString()).isZero();
        assertThat(keysTheProviderSaw()).containsExactly("Bearer sk-from-the-cli-0123456789");

        try (var serve = ccbridge.start("serve", "--port", "0")) {
            String banner = serve.awaitOut("Other shells:");
            assertThat(banner).contains("(key in the OS keychain)");
            String url = banner.lines().filter(line -> line.startsWith("ccbridge listening on ")).findFirst()
                    .orElseThrow().substring("ccbridge listening on ".length());
            assertThat(ask(url).statusCode()).isEqualTo(200);
        }
        assertThat(keysTheProviderSaw()).containsOnly("Bearer sk-from-the-cli-0123456789").hasSize(2);

        Result remove = ccbridge.run(null, "keys", "remove", id);
        assertThat(remove.out()).isEqualTo("Removed the API key for " + name + " from the OS keychain.\n");
        assertThat(keyLine()).as("a local server: it needs none").endsWith("no key needed");
    }

    /** This test's target's line of `keys list` (the keyring holds other tests' keys too). */
    private String keyLine() {
        return ccbridge.run(null, "keys", "list").out().lines().filter(line -> line.startsWith(id + " "))
                .findFirst().orElseThrow();
    }

    @Test
    void aKeyStoredInTheAppIsUsedByTheCommandLine() {
        addFakeTarget();
        try (var app = AppContext.open(new AppPaths(home.resolve("config.json"), home), 0, KeyStorage::open)) {
            assertThat(app.keyStorageDescription()).as("the OS keychain was reachable")
                    .startsWith("API keys you enter are kept in the");
            Target target = app.registry().byId(id).orElseThrow();
            app.secrets().put(target.secretAccount(), "sk-from-the-app-0123456789");
        }

        Result test = ccbridge.run(null, "test", id);

        assertThat(test.exit()).as(test.toString()).isZero();
        assertThat(keysTheProviderSaw()).containsExactly("Bearer sk-from-the-app-0123456789");
    }

    @Test
    void theAppSeesAKeySetWithTheCommandLineWithinSeconds() {
        try (var app = AppContext.open(new AppPaths(home.resolve("config.json"), home), 0, KeyStorage::open)) {
            Target hosted = app.registry().put(TestApp.hostedWithoutKey(name));
            app.registry().activate(hosted.id());
            assertThat(app.server().start().state()).isEqualTo(ServerControl.State.WARNING);

            Result set = ccbridge.run("sk-set-meanwhile-0123456789\n", "keys", "set", hosted.id());
            assertThat(set.exit()).as(set.toString()).isZero();

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(app.server().status().state()).isEqualTo(ServerControl.State.SERVING));
        }
    }

    @Test
    void onATerminalTheKeyIsAskedForAndNotShown() throws Exception {
        addFakeTarget();

        try (var terminal = ccbridge.startOnTerminal("keys", "set", id)) {
            terminal.awaitOut("API key for " + name + " (not shown as you type): ");
            terminal.write("sk-typed-at-the-prompt-0123456789\n");
            Result set = terminal.waitForEnd();

            assertThat(set.exit()).as(set.toString()).isZero();
            assertThat(set.out()).contains("Stored the API key for " + name + " in the OS keychain.")
                    .doesNotContain("sk-typed");
        }
        ccbridge.run(null, "test", id);
        assertThat(keysTheProviderSaw()).containsExactly("Bearer sk-typed-at-the-prompt-0123456789");
    }

    private HttpResponse<String> ask(String url) throws Exception {
        String token = new ConfigStore(home.resolve("config.json")).load().config().installToken();
        var request = HttpRequest.newBuilder(URI.create(url + "/v1/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":32,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}"))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

}
