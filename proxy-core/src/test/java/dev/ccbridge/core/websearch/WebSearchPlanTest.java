package dev.ccbridge.core.websearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.NativeWebSearch;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.upstream.http.HttpTransport;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Who searches for which target, as configured; and the settings as the config file keeps them. */
class WebSearchPlanTest {
    private static final HttpTransport TRANSPORT = new HttpTransport();
    private static final String SEARCH = """
            {"model":"m","max_tokens":100,"messages":[{"role":"user","content":"Perform a web search for the query: x"}],
             "tools":[{"type":"web_search_20250305","name":"web_search","max_uses":8%s}]}""";
    private static final GatewayConfig NO_BACKEND = new GatewayConfig(0, 0, null, null, List.of(), null);
    private static final GatewayConfig BRAVE = new SearchSettings(SearchBackend.BRAVE, null, 0, null).applyTo(NO_BACKEND);

    private final InMemorySecretStore secrets = new InMemorySecretStore();

    @AfterAll
    static void close() {
        TRANSPORT.close();
    }

    private static Target target(ApiMode mode, String provider, String webSearchOption) {
        Map<String, String> options = webSearchOption == null ? Map.of() : Map.of("webSearch", webSearchOption);
        return Target.builder().id("t").name("T").provider(provider).baseUrl("http://127.0.0.1:9").model("m")
                .apiMode(mode).options(options).build();
    }

    private static MessagesRequest request(String extra) throws IOException {
        return Json.WIRE.readValue(SEARCH.formatted(extra), MessagesRequest.class);
    }

    private WebSearchPlan plan(ApiMode mode, String provider, String option, GatewayConfig config, String extra)
            throws IOException {
        return new WebSearch(TRANSPORT, secrets, Map.of()).plan(request(extra), target(mode, provider, option), config);
    }

    @Test
    void eachKindOfTargetSearchesTheWayItCan() throws IOException {
        secrets.put("search.brave", "key");

        assertThat(plan(ApiMode.CODEX_RESPONSES, "openai", null, BRAVE, ""))
                .isInstanceOfSatisfying(WebSearchPlan.Native.class, p -> assertThat(p.provider()).isEqualTo(NativeWebSearch.RESPONSES));
        assertThat(plan(ApiMode.CHAT_COMPLETIONS, "openrouter", null, BRAVE, ""))
                .isInstanceOfSatisfying(WebSearchPlan.Native.class, p -> assertThat(p.provider()).isEqualTo(NativeWebSearch.OPENROUTER));
        assertThat(plan(ApiMode.CHAT_COMPLETIONS, "gemini", null, BRAVE, ""))
                .isInstanceOfSatisfying(WebSearchPlan.Answered.class, p -> assertThat(p.searcher()).isInstanceOf(BackendSearch.class));
        assertThat(plan(ApiMode.BEDROCK_CONVERSE, "bedrock", null, BRAVE, ""))
                .isInstanceOf(WebSearchPlan.Answered.class);
        assertThat(plan(ApiMode.ANTHROPIC_MESSAGES, "anthropic", null, BRAVE, "")).isInstanceOf(WebSearchPlan.Relayed.class);
    }

    @Test
    void aTargetsOptionNarrowsTheChoice() throws IOException {
        secrets.put("search.brave", "key");

        assertThat(plan(ApiMode.CODEX_RESPONSES, "openai", "backend", BRAVE, ""))
                .isInstanceOfSatisfying(WebSearchPlan.Answered.class, p -> assertThat(p.searcher()).isInstanceOf(BackendSearch.class));
        assertThat(plan(ApiMode.CODEX_RESPONSES, "openai", "off", BRAVE, ""))
                .isInstanceOfSatisfying(WebSearchPlan.Answered.class, p -> assertThat(((NoSearch) p.searcher()).reason())
                        .contains("turned off for target 'T'"));
        assertThat(plan(ApiMode.CHAT_COMPLETIONS, "deepseek", "native", BRAVE, ""))
                .isInstanceOfSatisfying(WebSearchPlan.Answered.class, p -> assertThat(((NoSearch) p.searcher()).reason())
                        .contains("no web search of its own"));
    }

    @Test
    void blockedDomainsGoToTheBackendWhereOpenAisSearchWouldIgnoreThem() throws IOException {
        String blocked = ",\"blocked_domains\":[\"spam.example\"]";

        assertThat(plan(ApiMode.CODEX_RESPONSES, "openai", null, NO_BACKEND, blocked)).isInstanceOf(WebSearchPlan.Native.class);
        secrets.put("search.brave", "key");
        assertThat(plan(ApiMode.CODEX_RESPONSES, "openai", null, BRAVE, blocked))
                .isInstanceOfSatisfying(WebSearchPlan.Answered.class, p -> assertThat(p.searcher()).isInstanceOf(BackendSearch.class));
    }

    @Test
    void withoutABackendOrItsKeyNobodySearchesAndTheReasonSaysWhatToDo() throws IOException {
        assertThat(plan(ApiMode.CHAT_COMPLETIONS, "deepseek", null, NO_BACKEND, ""))
                .isInstanceOfSatisfying(WebSearchPlan.Answered.class, p -> assertThat(((NoSearch) p.searcher()).reason())
                        .contains("no search backend configured").contains("ccbridge search set --backend brave"));
        assertThat(plan(ApiMode.CHAT_COMPLETIONS, "deepseek", null, BRAVE, ""))
                .isInstanceOfSatisfying(WebSearchPlan.Answered.class, p -> assertThat(((NoSearch) p.searcher()).reason())
                        .contains("Brave Search needs an API key: set BRAVE_API_KEY, or store it with `ccbridge search key`"));
        GatewayConfig searxng = new SearchSettings(SearchBackend.SEARXNG, null, 0, null).applyTo(NO_BACKEND);
        assertThat(plan(ApiMode.CHAT_COMPLETIONS, "deepseek", null, searxng, ""))
                .isInstanceOfSatisfying(WebSearchPlan.Answered.class, p -> assertThat(((NoSearch) p.searcher()).reason())
                        .contains("--base-url"));
    }

    @Test
    void aRequestWithoutTheSearchToolIsNotAsked() throws IOException {
        var request = Json.WIRE.readValue("{\"model\":\"m\",\"max_tokens\":1,\"messages\":[]}", MessagesRequest.class);

        assertThat(new WebSearch(TRANSPORT, secrets, Map.of()).plan(request, target(ApiMode.CHAT_COMPLETIONS, "x", null),
                BRAVE)).isInstanceOf(WebSearchPlan.NotAsked.class);
    }

    @Test
    void theKeyComesFromItsVariableFirstThenTheKeyStore() {
        var settings = new SearchSettings(SearchBackend.TAVILY, null, 0, null);
        secrets.put("search.tavily", "from-store");

        assertThat(new WebSearch(TRANSPORT, secrets, Map.of("TAVILY_API_KEY", " from-env ")).key(settings)).hasValue("from-env");
        assertThat(new WebSearch(TRANSPORT, secrets, Map.of()).key(settings)).hasValue("from-store");
        var ownVariable = new SearchSettings(SearchBackend.TAVILY, null, 0, "MY_TAVILY");
        assertThat(new WebSearch(TRANSPORT, secrets, Map.of("MY_TAVILY", "mine", "TAVILY_API_KEY", "usual"))
                .key(ownVariable)).hasValue("mine");
    }

    @Test
    void settingsLiveInTheConfigFileBesideEverythingElse() {
        var settings = new SearchSettings(SearchBackend.SEARXNG, "http://search.lan:8888/", 50, "");
        GatewayConfig written = settings.applyTo(NO_BACKEND);

        assertThat(Json.write(written.extra().get("webSearch")))
                .isEqualTo("{\"backend\":\"searxng\",\"baseUrl\":\"http://search.lan:8888\",\"maxResults\":20}");
        assertThat(SearchSettings.of(written)).isEqualTo(new SearchSettings(SearchBackend.SEARXNG, "http://search.lan:8888",
                20, null));
        assertThat(SearchSettings.NONE.applyTo(written).extra()).doesNotContainKey("webSearch");
        assertThat(SearchSettings.of(NO_BACKEND)).isEqualTo(SearchSettings.NONE);
    }
}
