package dev.ccbridge.core.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import dev.ccbridge.core.protocol.anthropic.WebSearchResult;
import dev.ccbridge.core.protocol.anthropic.WebSearchTool;
import dev.ccbridge.core.protocol.anthropic.WebSearchToolResultBlock;
import dev.ccbridge.core.stream.EventSequencer;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.translate.common.SearchFunction;
import dev.ccbridge.core.translate.common.SearchHistory;
import dev.ccbridge.core.translate.common.SearchResultText;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.ClientRequest;
import dev.ccbridge.core.websearch.NoSearch;
import dev.ccbridge.core.websearch.SearchErrorCode;
import dev.ccbridge.core.websearch.SearchException;
import dev.ccbridge.core.websearch.SearchHit;
import dev.ccbridge.core.websearch.SearchQuery;
import dev.ccbridge.core.websearch.SearchSettings;
import dev.ccbridge.core.websearch.WebSearchPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt's web search, beside the exchange. It decides what the upstream is sent: past
 * searches as text, and Anthropic's search tool kept for a provider that searches itself, or a
 * search function in its place when ccbridge searches. In that case an answer takes several
 * upstream calls: when one ends with searches to run, {@link #afterCall} runs them (at most
 * {@code max_uses}), streams their results to Claude Code and gives the request that lets the
 * model go on, until it answers.
 */
final class WebSearchTurns {
    private static final Logger LOG = LoggerFactory.getLogger(WebSearchTurns.class);
    /** When the request sets no {@code max_uses}, an answer still stops searching somewhere. */
    static final int DEFAULT_MAX_USES = 10;

    private final String requestId;
    private final WebSearchPlan plan;
    private final EventSequencer out;
    private final int maxResults;
    private ClientRequest current;
    private int calls = 1;
    private int searches;
    private int found;
    private String lastFailure;

    private WebSearchTurns(String requestId, WebSearchPlan plan, EventSequencer out, int maxResults,
                           ClientRequest first) {
        this.requestId = requestId;
        this.plan = plan;
        this.out = out;
        this.maxResults = maxResults;
        this.current = first;
    }

    /** The search side of an attempt at {@code target}, making its answer in {@code out}. */
    static WebSearchTurns start(GatewayContext context, ClientRequest request, Target target, EventSequencer out) {
        var config = context.targets().config();
        WebSearchPlan plan = context.webSearch().plan(request.messages(), target, config);
        MessagesRequest sent = switch (plan) {
            case WebSearchPlan.Relayed relayed -> request.messages();
            case WebSearchPlan.NotAsked notAsked -> SearchHistory.asText(request.messages());
            case WebSearchPlan.Native nativeSearch -> SearchHistory.asText(request.messages());
            case WebSearchPlan.Answered answered -> {
                out.answerCallsTo(answered.tool().name());
                yield SearchFunction.offer(SearchHistory.asText(request.messages()), answered.tool());
            }
        };
        if (plan instanceof WebSearchPlan.Answered answered) {
            LOG.debug("{}: web search through {}", request.id(), answered.searcher().describe());
        }
        return new WebSearchTurns(request.id(), plan, out, SearchSettings.of(config).maxResults(),
                sent == request.messages() ? request : with(request, sent));
    }

    /** What the first upstream call is sent. */
    ClientRequest firstRequest() {
        return current;
    }

    /**
     * After an upstream call: when it ended with searches for ccbridge to run, runs them, puts their
     * results in the answer and returns the request that continues it; null when the answer is
     * complete (or the client left).
     */
    ClientRequest afterCall(Cancellation cancellation) {
        if (!(plan instanceof WebSearchPlan.Answered answered) || !out.isPaused()) {
            return null;
        }
        List<ToolResultBlock> results = new ArrayList<>();
        for (EventSequencer.ServerCall call : out.unansweredCalls()) {
            results.add(run(answered, call, cancellation));
        }
        if (cancellation.isCancelled()) {
            return null;
        }
        if (out.calledClientTools() || calls > maxUses(answered.tool()) + 1) {
            // Claude Code runs its own tools next; or the model only keeps searching: the answer ends here.
            out.end();
            return null;
        }
        ClientRequest next = with(current, SearchFunction.next(current.messages(), out.roundBlocks(), results));
        out.nextRound();
        current = next;
        calls++;
        return next;
    }

    /**
     * What the request log should show about the search: why none could be made, or why every
     * one failed (the answer itself is complete: the model was told).
     */
    Optional<RequestRecord.Failure> problem() {
        if (!(plan instanceof WebSearchPlan.Answered answered)) {
            return Optional.empty();
        }
        if (answered.searcher() instanceof NoSearch none) {
            return Optional.of(new RequestRecord.Failure("web_search_unavailable", none.reason()));
        }
        return searches > 0 && found == 0
                ? Optional.of(new RequestRecord.Failure("web_search_failed", lastFailure)) : Optional.empty();
    }

    /** One search call: the search (or why not), its result block in the answer, its result for the model. */
    private ToolResultBlock run(WebSearchPlan.Answered answered, EventSequencer.ServerCall call, Cancellation cancellation) {
        WebSearchTool tool = answered.tool();
        JsonNode input = Json.parseOrNull(call.arguments());
        String query = input == null ? "" : input.path("query").asText("");
        try {
            if (searches >= maxUses(tool)) {
                throw new SearchException(SearchErrorCode.MAX_USES_EXCEEDED, "this answer has made the "
                        + maxUses(tool) + " searches it may make; answer with what was found");
            }
            searches++;
            List<SearchHit> hits = answered.searcher().search(new SearchQuery(query, tool.allowedDomains(),
                    tool.blockedDomains(), maxResults), cancellation);
            found++;
            List<WebSearchResult> pages = hits.stream().map(hit -> WebSearchResult.of(hit.title(), hit.url(),
                    SearchResultText.carry(hit.snippet()), hit.pageAge())).toList();
            out.webSearchResult(WebSearchToolResultBlock.of(call.id(), pages));
            return SearchFunction.result(call.id(), SearchResultText.results(query, pages), false);
        } catch (SearchException e) {
            lastFailure = e.code().wireName() + ": " + e.getMessage();
            LOG.warn("{}: web search failed ({})", requestId, lastFailure);
            out.webSearchResult(WebSearchToolResultBlock.error(call.id(), e.code().wireName()));
            return SearchFunction.result(call.id(), SearchResultText.error(query, e.code().wireName(), e.getMessage()),
                    true);
        }
    }

    private static int maxUses(WebSearchTool tool) {
        return tool.maxUses() != null ? tool.maxUses() : DEFAULT_MAX_USES;
    }

    private static ClientRequest with(ClientRequest request, MessagesRequest messages) {
        return new ClientRequest(request.id(), messages, request.rawBody(), request.clientHeaders(),
                request.estimatedInputTokens(), request.messageId());
    }
}
