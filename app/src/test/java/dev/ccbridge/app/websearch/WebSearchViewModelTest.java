package dev.ccbridge.app.websearch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.services.AppServices;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.TestUi;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.websearch.SearchBackend;
import dev.ccbridge.core.websearch.SearchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Web search tab's model, on the app's real wiring (keys in memory), commands on a UI thread
 * of the test's own that no key store, file or network call may block.
 */
class WebSearchViewModelTest {
    private static final String KEY = "BSAfakeBraveKey0123456789abcdef";

    @RegisterExtension
    final TestUi ui = new TestUi();

    @TempDir
    Path dir;

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private AppContext context;
    private WebSearchViewModel vm;

    @BeforeEach
    void setUp() {
        context = TestApp.open(dir, secrets);
        context.registry().put(Target.builder().id("deepseek").name("DeepSeek").provider("deepseek")
                .baseUrl("https://api.deepseek.com").model("deepseek-chat").apiMode(ApiMode.CHAT_COMPLETIONS).build());
        context.registry().put(Target.builder().id("openai").name("OpenAI").provider("openai")
                .baseUrl("https://api.openai.com/v1").model("gpt-5.5").apiMode(ApiMode.CODEX_RESPONSES).build());
        AppServices services = ui.guard(TestApp.services(context));
        vm = ui.call(() -> new WebSearchViewModel(services.search(), ui.executor()));
        ui.settle();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void choosingABackendAndAKeySavesTheSettingsToTheFileAndTheKeyToTheKeyStore() throws Exception {
        assertThat(vm.whoSearchesProperty().get()).contains("DeepSeek: no web search: ccbridge has no search backend")
                .contains("OpenAI: OpenAI's own web search");

        vm.backend.set(new WebSearchViewModel.Choice(SearchBackend.BRAVE));
        vm.maxResults.set("7");
        vm.apiKey.set(KEY);
        assertThat(vm.dirtyBinding().get()).isTrue();
        assertThat(ui.call(vm::save)).isTrue();
        ui.settle();

        assertThat(SearchSettings.of(context.registry().config()))
                .isEqualTo(new SearchSettings(SearchBackend.BRAVE, null, 7, null));
        assertThat(secrets.get("search.brave")).contains(KEY);
        assertThat(Files.readString(context.paths().configFile())).contains("\"backend\" : \"brave\"").doesNotContain(KEY);
        assertThat(vm.apiKey.get()).as("the key is not kept in the form").isEmpty();
        assertThat(vm.dirtyBinding().get()).isFalse();
        assertThat(vm.keyStatusProperty().get()).isEqualTo("A key is set: " + secrets.name() + ".");
        assertThat(vm.whoSearchesProperty().get()).contains("DeepSeek: Brave Search");
        assertThat(vm.messageProperty().get()).isEqualTo("Saved. The key is in the key store.");
    }

    @Test
    void aFormThatCannotWorkCannotBeSaved() {
        vm.backend.set(new WebSearchViewModel.Choice(SearchBackend.SEARXNG));
        assertThat(vm.problem()).hasValue("SearXNG runs on your own server: give its address");
        vm.baseUrl.set("search.lan");
        assertThat(vm.problem()).hasValue("An address like https://search.example.com");
        vm.baseUrl.set("http://search.lan:8888");
        vm.maxResults.set("50");
        assertThat(vm.problem()).hasValue("A number from 1 to 20");
        assertThat(ui.call(vm::save)).isFalse();
        vm.maxResults.set("5");
        assertThat(vm.validBinding().get()).isTrue();
        assertThat(vm.keyStatusProperty().get()).as("nothing saved yet").isEmpty();
    }

    @Test
    void aTestSearchReportsWhatTheSavedBackendFoundOrWhyNot() {
        var brave = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        brave.start();
        try {
            brave.stubFor(get(urlPathEqualTo("/web/search")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("""
                            {"web":{"results":[{"title":"Claude Code docs","url":"https://docs.example.com/claude-code"}]}}""")));
            vm.backend.set(new WebSearchViewModel.Choice(SearchBackend.BRAVE));
            vm.baseUrl.set(brave.baseUrl());
            ui.act(vm::save);

            ui.act(vm::testSearch);
            assertThat(vm.messageProperty().get()).isEqualTo("The test search failed (unavailable): Brave Search needs"
                    + " an API key: set BRAVE_API_KEY, or store it with `ccbridge search key` (or in the app's Web search tab)");

            vm.apiKey.set(KEY);
            ui.act(vm::save);
            ui.act(vm::testSearch);
            assertThat(vm.messageProperty().get())
                    .isEqualTo("Brave Search found 1 page, first: Claude Code docs (https://docs.example.com/claude-code)");
        } finally {
            brave.stop();
        }
    }
}
