package dev.ccbridge.core.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.ccbridge.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccbridge search ...} run as a process, as a user runs it: what it prints, what it writes to
 * the config file, its exit code; a test search against a stand-in Brave Search.
 */
class SearchCommandTest {
    private static final String KEY = "BSAfakeBraveKey0123456789abcdef";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    /** The command line in a JVM of its own, with this environment (and no keychain reachable). */
    private Run ccbridge(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), CcbridgeCli.class.getName(),
                "--config", dir.resolve("config.json").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.endsWith("_API_KEY") || name.startsWith("DBUS")
                || name.startsWith("CCBRIDGE_"));
        builder.environment().put("XDG_RUNTIME_DIR", dir.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ccbridge did not finish");
        }
        return new Run(process.exitValue(), out, err);
    }

    private Run ccbridge(String... args) throws IOException, InterruptedException {
        return ccbridge(Map.of(), "", args);
    }

    @Test
    void withNothingSetEachTargetSaysWhoSearches() throws Exception {
        Run shown = ccbridge("search");

        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Search backend: none (set one with: ccbridge search set --backend")
                .containsPattern("openrouter +OpenRouter's own web search")
                .containsPattern("deepseek +no web search: ccbridge has no search backend configured");
    }

    @Test
    void aBackendIsSetShownAndRemoved() throws Exception {
        Run set = ccbridge("search", "set", "--backend", "brave", "--max-results", "8");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("Search backend: Brave Search.")
                .contains("Its key: not found yet: set BRAVE_API_KEY, or store it with `ccbridge search key`");
        assertThat(Json.parseOrNull(Files.readString(dir.resolve("config.json"))).path("webSearch"))
                .isEqualTo(Json.parseOrNull("{\"backend\":\"brave\",\"maxResults\":8}"));

        Run shown = ccbridge(Map.of("BRAVE_API_KEY", KEY), "", "search", "show");
        assertThat(shown.out()).contains("Search backend: Brave Search at https://api.search.brave.com/res/v1, 8 results")
                .contains("Its key: from $BRAVE_API_KEY").containsPattern("deepseek +Brave Search")
                .doesNotContain(KEY);

        Run off = ccbridge("search", "off");
        assertThat(off.exit()).isZero();
        assertThat(Json.parseOrNull(Files.readString(dir.resolve("config.json"))).has("webSearch")).isFalse();
    }

    @Test
    void mistakesAreClearMessagesAndNothingIsWritten() throws Exception {
        Run unknown = ccbridge("search", "set", "--backend", "google");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no search backend 'google'; known: brave, tavily, exa, searxng");

        Run searxng = ccbridge("search", "set", "--backend", "searxng");
        assertThat(searxng.exit()).isEqualTo(2);
        assertThat(searxng.err()).contains("give its --base-url");

        Run keyFirst = ccbridge(Map.of(), "some-key", "search", "key");
        assertThat(keyFirst.exit()).isEqualTo(1);
        assertThat(keyFirst.err()).contains("no search backend is set");
        assertThat(Files.exists(dir.resolve("config.json"))
                && Files.readString(dir.resolve("config.json")).contains("webSearch")).isFalse();
    }

    @Test
    void withoutAKeychainTheKeyCommandSaysWhichVariableToSet() throws Exception {
        ccbridge("search", "set", "--backend", "tavily");

        Run key = ccbridge(Map.of(), "tvly-0123456789abcdef\n", "search", "key");

        assertThat(key.exit()).isEqualTo(1);
        assertThat(key.err()).contains("set TAVILY_API_KEY in the environment ccbridge runs in")
                .doesNotContain("tvly-0123456789abcdef").doesNotContain("Exception");
    }

    @Test
    void aTestSearchPrintsThePagesOrWhyThereAreNone() throws Exception {
        var brave = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        brave.start();
        try {
            brave.stubFor(get(urlPathEqualTo("/res/v1/web/search")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("""
                            {"web":{"results":[{"title":"ccbridge on GitHub","url":"https://github.com/example/ccbridge"}]}}""")));
            ccbridge("search", "set", "--backend", "brave", "--base-url", brave.baseUrl() + "/res/v1");

            Run found = ccbridge(Map.of("BRAVE_API_KEY", KEY), "", "search", "test", "claude", "code", "bridge");
            assertThat(found.exit()).as(found.err()).isZero();
            assertThat(found.out().replace("\r\n", "\n")).isEqualTo("Brave Search found 1 page for \"claude code bridge\":\n"
                    + "1. ccbridge on GitHub\n   https://github.com/example/ccbridge\n");

            brave.stubFor(get(urlPathEqualTo("/res/v1/web/search")).willReturn(aResponse().withStatus(401)
                    .withBody("{\"message\":\"bad token " + KEY + "\"}")));
            Run refused = ccbridge(Map.of("BRAVE_API_KEY", KEY), "", "search", "test");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("the search failed (unavailable): Brave Search rejected the API key (401)")
                    .doesNotContain(KEY);

            Run keyless = ccbridge("search", "test");
            assertThat(keyless.exit()).isEqualTo(1);
            assertThat(keyless.err()).contains("Brave Search needs an API key: set BRAVE_API_KEY");
        } finally {
            brave.stop();
        }
    }
}
