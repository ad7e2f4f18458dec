package dev.ccbridge.core.websearch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.http.HttpTransport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each search service as its documentation describes it, over real HTTP to a stand-in: how the
 * query, the domain filters and the key are sent, how the answer is read, what a refusal becomes.
 */
class SearchBackendsTest {
    private static final String KEY = "search-key-0123456789abcdef";
    private static final SearchQuery QUERY = new SearchQuery("ccbridge release notes", List.of("example.com"),
            List.of("spam.example.com"), 3);

    private static WireMockServer service;
    private static HttpTransport transport;

    @BeforeAll
    static void start() {
        service = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        service.start();
        transport = new HttpTransport();
    }

    @AfterAll
    static void stop() {
        transport.close();
        service.stop();
    }

    @BeforeEach
    void reset() {
        service.resetAll();
    }

    private void answers(int status, String body) {
        service.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private List<SearchHit> search(SearchBackend backend, SearchQuery query) throws SearchException {
        var settings = new SearchSettings(backend, service.baseUrl() + "/api", 3, "UNSET_IN_THIS_TEST");
        var secrets = new InMemorySecretStore();
        secrets.put(settings.secretAccount(), KEY);
        return new WebSearch(transport, secrets, Map.of()).searcher(settings).search(query, new Cancellation());
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = service.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    @Test
    void braveGetsTheQueryWithSiteTermsAndTheKeyInItsHeader() throws SearchException {
        answers(200, """
                {"web":{"results":[{"title":"Release notes","url":"https://docs.example.com/notes","description":"What changed","age":"May 1, 2026"},
                                   {"title":"Spam","url":"https://spam.example.com/x","description":"junk"},
                                   {"title":"Elsewhere","url":"https://other.org/notes","description":"not allowed"}]}}""");

        List<SearchHit> hits = search(SearchBackend.BRAVE, QUERY);

        assertThat(hits).containsExactly(new SearchHit("Release notes", "https://docs.example.com/notes", "What changed",
                "May 1, 2026"));
        LoggedRequest sent = onlyRequest();
        assertThat(sent.getMethod().getName()).isEqualTo("GET");
        assertThat(sent.getUrl()).startsWith("/api/web/search?");
        assertThat(sent.queryParameter("q").firstValue()).isEqualTo("ccbridge release notes (site:example.com)");
        assertThat(sent.queryParameter("count").firstValue()).isEqualTo("3");
        assertThat(sent.getHeader("X-Subscription-Token")).isEqualTo(KEY);
    }

    @Test
    void tavilyGetsABearerKeyAndTheDomainListsInItsBody() throws SearchException {
        answers(200, """
                {"query":"q","results":[{"title":"Notes","url":"https://example.com/n","content":"Excerpt","score":0.9}]}""");

        List<SearchHit> hits = search(SearchBackend.TAVILY, QUERY);

        assertThat(hits).containsExactly(new SearchHit("Notes", "https://example.com/n", "Excerpt", null));
        LoggedRequest sent = onlyRequest();
        assertThat(sent.getMethod().getName()).isEqualTo("POST");
        assertThat(sent.getUrl()).isEqualTo("/api/search");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = Json.parseOrNull(sent.getBodyAsString());
        assertThat(body.path("query").asText()).isEqualTo("ccbridge release notes");
        assertThat(body.path("max_results").asInt()).isEqualTo(3);
        assertThat(body.path("include_domains").toString()).isEqualTo("[\"example.com\"]");
        assertThat(body.path("exclude_domains").toString()).isEqualTo("[\"spam.example.com\"]");
    }

    @Test
    void exaGetsItsKeyHeaderCamelCaseFieldsAndAsksForPageText() throws SearchException {
        answers(200, """
                {"results":[{"title":"Notes","url":"https://example.com/n","text":"Page text","publishedDate":"2026-05-01"}]}""");

        List<SearchHit> hits = search(SearchBackend.EXA, QUERY);

        assertThat(hits).containsExactly(new SearchHit("Notes", "https://example.com/n", "Page text", "2026-05-01"));
        LoggedRequest sent = onlyRequest();
        assertThat(sent.getUrl()).isEqualTo("/api/search");
        assertThat(sent.getHeader("x-api-key")).isEqualTo(KEY);
        JsonNode body = Json.parseOrNull(sent.getBodyAsString());
        assertThat(body.path("numResults").asInt()).isEqualTo(3);
        assertThat(body.path("includeDomains").toString()).isEqualTo("[\"example.com\"]");
        assertThat(body.path("excludeDomains").toString()).isEqualTo("[\"spam.example.com\"]");
        assertThat(body.path("contents").path("text").path("maxCharacters").asInt()).isPositive();
    }

    @Test
    void searxngAsksForJsonAndNeedsNoKey() throws SearchException {
        answers(200, """
                {"query":"q","results":[{"title":"Notes","url":"https://example.com/n","content":"Excerpt","engine":"duckduckgo"}]}""");
        var settings = new SearchSettings(SearchBackend.SEARXNG, service.baseUrl() + "/api", 3, null);

        List<SearchHit> hits = new WebSearch(transport, new InMemorySecretStore(), Map.of()).searcher(settings)
                .search(new SearchQuery("ccbridge", List.of(), List.of(), 3), new Cancellation());

        assertThat(hits).extracting(SearchHit::url).containsExactly("https://example.com/n");
        LoggedRequest sent = onlyRequest();
        assertThat(sent.queryParameter("format").firstValue()).isEqualTo("json");
        assertThat(sent.queryParameter("q").firstValue()).isEqualTo("ccbridge");
        assertThat(sent.getHeader("Authorization")).isNull();
    }

    @Test
    void aSearxngThatAnswersHtmlSaysToAllowTheJsonFormat() {
        service.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html>SearXNG</html>")));
        var settings = new SearchSettings(SearchBackend.SEARXNG, service.baseUrl(), 3, null);

        assertThatThrownBy(() -> new WebSearch(transport, new InMemorySecretStore(), Map.of()).searcher(settings)
                .search(new SearchQuery("ccbridge", List.of(), List.of(), 3), new Cancellation()))
                .isInstanceOf(SearchException.class).hasMessageContaining("format=json")
                .extracting(e -> ((SearchException) e).code()).isEqualTo(SearchErrorCode.UNAVAILABLE);
    }

    @Test
    void refusalsBecomeTheErrorCodesTheModelReadsAndNeverShowTheKey() {
        answers(401, "{\"message\":\"invalid key " + KEY + "\"}");
        assertThatThrownBy(() -> search(SearchBackend.BRAVE, QUERY)).isInstanceOf(SearchException.class)
                .hasMessageContaining("Brave Search rejected the API key (401)").hasMessageNotContaining(KEY);

        answers(429, "{\"message\":\"slow down\"}");
        assertThatThrownBy(() -> search(SearchBackend.TAVILY, QUERY))
                .extracting(e -> ((SearchException) e).code()).isEqualTo(SearchErrorCode.TOO_MANY_REQUESTS);

        answers(422, "{\"message\":\"bad query\"}");
        assertThatThrownBy(() -> search(SearchBackend.EXA, QUERY))
                .extracting(e -> ((SearchException) e).code()).isEqualTo(SearchErrorCode.INVALID_INPUT);
    }

    @Test
    void queriesThatCannotBeSearchedAreRefusedWithoutAsking() {
        assertThatThrownBy(() -> search(SearchBackend.BRAVE, new SearchQuery(" ", List.of(), List.of(), 3)))
                .extracting(e -> ((SearchException) e).code()).isEqualTo(SearchErrorCode.INVALID_INPUT);
        assertThatThrownBy(() -> search(SearchBackend.BRAVE, new SearchQuery("x".repeat(401), List.of(), List.of(), 3)))
                .extracting(e -> ((SearchException) e).code()).isEqualTo(SearchErrorCode.QUERY_TOO_LONG);
        assertThat(service.getAllServeEvents()).isEmpty();
    }

    @Test
    void anUnreachableServiceIsUnavailable() {
        var settings = new SearchSettings(SearchBackend.BRAVE, "http://127.0.0.1:9", 3, null);
        var secrets = new InMemorySecretStore();
        secrets.put(settings.secretAccount(), KEY);

        assertThatThrownBy(() -> new WebSearch(transport, secrets, Map.of()).searcher(settings).search(QUERY,
                new Cancellation())).isInstanceOf(SearchException.class).hasMessageContaining("could not reach Brave Search");
    }
}
