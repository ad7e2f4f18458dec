package dev.ccbridge.core.websearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.target.Timeouts;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.UpstreamErrors;
import dev.ccbridge.core.upstream.UpstreamFailure;
import dev.ccbridge.core.upstream.http.HttpCall;
import dev.ccbridge.core.upstream.http.HttpTransport;
import dev.ccbridge.core.upstream.http.UpstreamResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Searches with a configured backend over ccbridge's HTTP client: the query as the service takes
 * it, its answer read into pages, the domain filters applied, at most the pages asked for. A
 * failure is a {@link SearchException} in the model's words, never the key.
 */
public final class BackendSearch implements Searcher {
    /** Longer queries are refused by search engines (Brave: 400 characters). */
    static final int MAX_QUERY_CHARS = 400;
    /** A search is quick or it is broken; the model waits for it. */
    static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(40));

    private final SearchSettings settings;
    private final Optional<String> key;
    private final HttpTransport transport;
    private final Redactor redactor;

    BackendSearch(SearchSettings settings, Optional<String> key, HttpTransport transport) {
        this.settings = settings;
        this.key = key;
        this.transport = transport;
        this.redactor = new Redactor(key.map(List::of).orElse(List.of()));
    }

    @Override
    public List<SearchHit> search(SearchQuery query, Cancellation cancellation) throws SearchException {
        String text = query.text() == null ? "" : query.text().strip();
        if (text.isEmpty()) {
            throw new SearchException(SearchErrorCode.INVALID_INPUT, "the search named no query");
        }
        if (text.length() > MAX_QUERY_CHARS) {
            throw new SearchException(SearchErrorCode.QUERY_TOO_LONG, "the query is longer than "
                    + MAX_QUERY_CHARS + " characters");
        }
        SearchBackend backend = settings.backend();
        HttpCall call = backend.api().call(query, settings.endpoint(), key, TIMEOUTS);
        try (UpstreamResponse response = transport.send(call, cancellation, backend.displayName())) {
            String body = response.readSmallBody();
            if (!response.ok()) {
                throw refused(response.status(), body);
            }
            DomainFilter filter = query.filter();
            return backend.api().hits(parse(body)).stream().filter(hit -> filter.admits(hit.url()))
                    .limit(query.maxResults()).toList();
        } catch (UpstreamFailure failure) {
            throw new SearchException(SearchErrorCode.UNAVAILABLE, redactor.redact(failure.error().message()));
        } catch (IOException e) {
            throw new SearchException(SearchErrorCode.UNAVAILABLE, redactor.redact(
                    HttpTransport.readFailure(e, backend.displayName()).message()));
        }
    }

    @Override
    public String describe() {
        return settings.backend().displayName();
    }

    private SearchException refused(int status, String body) {
        String name = settings.backend().displayName();
        String detail = redactor.redact(UpstreamErrors.messageOf(Json.parseOrNull(body), body));
        return switch (status) {
            case 401, 403 -> new SearchException(SearchErrorCode.UNAVAILABLE, name + " rejected the API key (" + status
                    + "): " + detail);
            case 429 -> new SearchException(SearchErrorCode.TOO_MANY_REQUESTS, name + " is rate limiting: " + detail);
            case 400, 422 -> new SearchException(SearchErrorCode.INVALID_INPUT, name + " refused the query: " + detail);
            default -> new SearchException(SearchErrorCode.UNAVAILABLE, name + " failed (" + status + "): " + detail);
        };
    }

    private JsonNode parse(String body) throws SearchException {
        JsonNode answer = Json.parseOrNull(body);
        if (answer == null || !answer.isObject()) {
            throw new SearchException(SearchErrorCode.UNAVAILABLE, settings.backend().displayName()
                    + " answered with something other than its JSON results (check the base URL"
                    + (settings.backend() == SearchBackend.SEARXNG ? ", and that the instance allows format=json" : "")
                    + ")");
        }
        return answer;
    }
}
