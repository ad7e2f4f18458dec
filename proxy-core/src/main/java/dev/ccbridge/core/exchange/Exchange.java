package dev.ccbridge.core.exchange;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.pricing.Costs;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.routing.TargetRouter;
import dev.ccbridge.core.stream.EventSequencer;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.upstream.AnswerSource;
import dev.ccbridge.core.upstream.Call;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.ClientRequest;
import dev.ccbridge.core.upstream.UpstreamFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One messages request's life, in one place: pick the target (and, while nothing has reached Claude
 * Code, try it again as its {@link RetryPolicy} allows, then its {@code fallbacks} in order), open
 * the upstream's answer and pump it into the client's response, keep a silent answer alive, then
 * settle the outcome and record it. The upstream is pulled from, read by read; nothing calls back
 * up. Once an answer has started, it is never retried: a later failure ends it with an error.
 */
public final class Exchange implements Keepalive.Pingable {
    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    private static final ApiError CLIENT_GONE =
            ApiError.of(RequestRecord.Completed.CLIENT_CLOSED, "api_error", "the client closed the connection");

    private final GatewayContext context;
    /** What Claude Code asked for; its thinking blocks are taken out if an upstream refused their signatures. */
    private ClientRequest request;
    private final ClientResponse response;
    private final Cancellation cancellation;
    private final long startNanos;
    private final EventSink events;
    private final List<RequestRecord.Attempt> attempts = new ArrayList<>();
    private RequestRecord record;
    /** The model fallbacks map, and why the request went where it did (null: where it was addressed). */
    private String fallbackModel;
    private String routedBy;
    private Candidate last;
    /** The last attempt's web search, for what the log says about it. */
    private WebSearchTurns search;
    private volatile RelaySink relay;

    /**
     * @param startNanos when the request arrived ({@link System#nanoTime()}), for the timings
     */
    public Exchange(GatewayContext context, ClientRequest request, ClientResponse response,
                    Cancellation cancellation, long startNanos) {
        this.context = context;
        this.request = request;
        this.response = response;
        this.cancellation = cancellation;
        this.startNanos = startNanos;
        this.events = request.messages().streaming()
                ? new SseSink(response, request.id(), startNanos, cancellation)
                : new JsonSink(response, request.id(), startNanos);
    }

    /** Answers the request from {@code target} (or its fallbacks) and records it; blocks until done. */
    public void run(Target target, RequestRecord.Addressed addressed, Keepalive keepalive) {
        TargetRouter.Decision route = context.targetRouter().route(target, addressed == RequestRecord.Addressed.PINNED,
                request.messages(), request.estimatedInputTokens());
        fallbackModel = route.forFallbacks();
        routedBy = route.reason();
        Candidate primary = null;
        UpstreamFailure unusable = null;
        try {
            primary = Candidate.resolve(context, route.target(), route.model());
        } catch (UpstreamFailure failure) {
            unusable = failure;
        }
        record = RequestRecord.started(request.id(), Instant.now(), routing(route.target(), addressed,
                primary == null ? null : primary.model().upstream()), request.messages().streaming(),
                request.rawBody());
        context.log().publish(record);
        boolean recorded = false;
        try (Keepalive.Watch ignored = keepalive.watch(this)) {
            if (primary == null) {
                deliver(unusable);
            } else {
                runAttempts(primary);
            }
            settle();
            // Recorded before the last bytes go out: when Claude Code has the answer, the log has it too.
            recordOutcome();
            recorded = true;
            if (!cancellation.isCancelled()) {
                finish();
            }
        } catch (ClientGoneException e) {
            cancellation.cancel();
            throw e;
        } finally {
            if (!recorded) {
                recordOutcome();
            }
        }
    }

    /** The target, again as its policy allows, then its fallbacks; afterwards the answer or a failure is out. */
    private void runAttempts(Candidate primary) {
        Set<String> tried = new HashSet<>();
        List<String> fallbacks = primary.target().fallbacks();
        int nextFallback = 0;
        Candidate candidate = primary;
        UpstreamFailure failure = null;
        while (candidate != null) {
            tried.add(candidate.target().id());
            failure = tryTarget(candidate);
            if (failure == null || !RetryPolicy.worthAFallback(failure.error())) {
                break;
            }
            candidate = null;
            while (candidate == null && nextFallback < fallbacks.size()) {
                candidate = fallback(fallbacks.get(nextFallback++), tried);
            }
            if (candidate != null) {
                LOG.debug("{}: {} failed ({} {}); trying fallback {}", request.id(), last.target().id(),
                        failure.error().status(), failure.error().message(), candidate.target().id());
            }
        }
        if (failure != null) {
            deliver(failure);
        }
    }

    /** Attempts on one target; returns the failure to act on, or null once answered (or the client left). */
    private UpstreamFailure tryTarget(Candidate candidate) {
        RetryPolicy policy = RetryPolicy.of(candidate.target());
        for (int failures = 1; ; failures++) {
            UpstreamFailure failure = attemptKeepingSignaturesApart(candidate);
            if (failure == null || cancellation.isCancelled()) {
                return null;
            }
            Optional<Duration> pause = policy.pauseBeforeRetry(failure.error(), failures);
            if (pause.isEmpty()) {
                return failure;
            }
            LOG.debug("{}: {} failed ({} {}); trying again in {} ms", request.id(), candidate.target().id(),
                    failure.error().status(), failure.error().message(), pause.get().toMillis());
            if (cancellation.pause(pause.get())) {
                return null;
            }
        }
    }

    /**
     * One try, and if the upstream refused a thinking signature it cannot verify (see
     * {@link SignatureRefusal}), one more without the thinking blocks.
     */
    private UpstreamFailure attemptKeepingSignaturesApart(Candidate candidate) {
        UpstreamFailure failure = attempt(candidate);
        if (failure != null && !cancellation.isCancelled() && SignatureRefusal.is(failure.error())
                && request.hasThinking()) {
            LOG.debug("{}: {} refused a thinking signature; sending the request again without thinking blocks",
                    request.id(), candidate.target().id());
            request = request.withoutThinking();
            failure = attempt(candidate);
        }
        return failure;
    }

    /**
     * One try: the upstream's answer pumped to the client, in as many upstream calls as its web
     * searches take; a failure before anything reached the client is returned.
     */
    private UpstreamFailure attempt(Candidate candidate) {
        long start = System.nanoTime();
        last = candidate;
        var out = new EventSequencer(request.messageId(), request.messages().model(), request.estimatedInputTokens());
        search = WebSearchTurns.start(context, request, candidate.target(), out);
        UpstreamFailure failure = null;
        ClientRequest next = search.firstRequest();
        while (next != null && failure == null) {
            failure = call(candidate, next, out);
            next = failure == null && !cancellation.isCancelled() ? search.afterCall(cancellation) : null;
            events.send(out.drain());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        attempts.add(failure != null
                ? new RequestRecord.Attempt(candidate.target().id(), failure.error().status(),
                failure.error().message(), millis)
                : new RequestRecord.Attempt(candidate.target().id(), relay != null ? relayStatus() : 200,
                events.error() == null ? null : events.error().message(), millis));
        return failure;
    }

    /** One upstream call: open its answer and pump it; a failure before anything reached the client is returned. */
    private UpstreamFailure call(Candidate candidate, ClientRequest sent, EventSequencer out) {
        var call = new Call(sent, candidate.target(), candidate.model(), candidate.key(), cancellation);
        try (AnswerSource source = candidate.upstream().open(call, out)) {
            return switch (source) {
                case AnswerSource.Events answer -> pump(answer, out);
                case AnswerSource.Bytes answer -> relay(answer);
            };
        } catch (UpstreamFailure beforeAnswer) {
            return failAnswer(beforeAnswer);
        } catch (AnswerTooLargeException e) {
            return null; // the folding sink holds the error
        } catch (ClientGoneException e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug of ours: the client gets a clean error (or error event), the log gets the trace.
            LOG.error("{}: internal error while answering through {}", request.id(), candidate.target().id(),
                    Redactor.scrubbed(e));
            return failAnswer(new UpstreamFailure(ApiError.api(500, "internal error in ccbridge ("
                    + e.getClass().getSimpleName() + "); see its log")));
        }
    }

    /** Translated events, one upstream read at a time, each read's events in one write. */
    private UpstreamFailure pump(AnswerSource.Events answer, EventSequencer out) {
        try {
            while (!out.isDone() && !cancellation.isCancelled()) {
                boolean more = answer.read();
                events.send(out.drain());
                if (!more) {
                    break;
                }
            }
            events.send(out.drain()); // an answer translated whole when it arrived
            return null;
        } catch (UpstreamFailure failure) {
            events.send(out.drain());
            return failAnswer(failure);
        }
    }

    /** Relayed bytes, each read in one write; the response starts with the first bytes. */
    private UpstreamFailure relay(AnswerSource.Bytes answer) {
        try {
            byte[] chunk;
            while (!cancellation.isCancelled() && (chunk = answer.read()) != null) {
                if (chunk.length > 0) {
                    if (relay == null) {
                        relay = new RelaySink(response, cancellation, startNanos, answer.status(), answer.headers(),
                                answer.eventStream());
                    }
                    relay.write(chunk);
                }
            }
            return null;
        } catch (UpstreamFailure failure) {
            return failAnswer(failure);
        }
    }

    /**
     * A failure once the answer started goes to the client; before, it is returned so another attempt
     * can be made. When the client has gone, it goes nowhere (the call was stopped for that reason).
     */
    private UpstreamFailure failAnswer(UpstreamFailure failure) {
        if (cancellation.isCancelled()) {
            return null;
        }
        if (relay != null) {
            relay.fail(failure.error());
            return null;
        }
        if (events.started()) {
            events.fail(failure.error());
            return null;
        }
        return failure;
    }

    /** Hands the failure no attempt could overcome to Claude Code: a relayed error answer as it came. */
    private void deliver(UpstreamFailure failure) {
        UpstreamFailure.Relayed answer = failure.relayed();
        if (answer == null) {
            events.fail(failure.error());
            return;
        }
        relay = new RelaySink(response, cancellation, startNanos, answer.status(), answer.headers(), false);
        relay.relayError(failure.error(), answer.body());
    }

    /** The next fallback target by id, or null (logged and listed as skipped) if it cannot answer. */
    private Candidate fallback(String id, Set<String> tried) {
        if (tried.contains(id)) {
            return null;
        }
        Optional<Target> target = context.targets().byId(id);
        if (target.isEmpty()) {
            skip(id, "no target with this id");
            return null;
        }
        try {
            return Candidate.resolve(context, target.get(), fallbackModel);
        } catch (UpstreamFailure unusable) {
            skip(id, unusable.error().message());
            return null;
        }
    }

    private void skip(String id, String reason) {
        LOG.debug("{}: fallback '{}' skipped: {}", request.id(), id, reason);
        attempts.add(new RequestRecord.Attempt(id, 0, "skipped: " + reason, 0));
    }

    private void settle() {
        if (relay == null) {
            events.settle();
        }
    }

    private void finish() {
        if (relay != null) {
            relay.finish();
        } else {
            events.finish();
        }
    }

    private void recordOutcome() {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        RequestRecord tried = record;
        if (last != null) {
            tried = record.answeredBy(routing(last.target(), record.routing().addressed(), last.model().upstream()),
                    attempts);
        }
        RequestRecord.Completed done;
        String summary;
        if (relay != null) {
            done = relay.completed(millis);
            summary = relay.summary();
        } else {
            done = searchProblemNoted(events.completed(millis));
            summary = events.summary();
            if (cancellation.isCancelled()) {
                ApiError error = events.error() == null ? CLIENT_GONE : events.error();
                done = new RequestRecord.Completed(RequestRecord.Completed.CLIENT_CLOSED,
                        new RequestRecord.Failure(error.type(), error.message()), done.firstTokenMillis(), millis,
                        done.usage());
            }
        }
        if (last != null) {
            Target answering = last.target();
            done = done.withCost(Costs.builtIn().of(answering.provider(), answering.pricing(),
                    last.model().upstream(), done.usage()).orElse(null));
        }
        if (done.failure() != null) {
            // At debug: the request log (serve's request line, the app's table) already says it.
            LOG.debug("{} {} -> {} failed: {} {}", tried.id(), tried.targetId(), tried.routing().upstreamModel(),
                    done.status(), done.failure().message());
        }
        context.log().publish(tried.completed(done, summary));
    }

    /** An answer complete but without the web search it asked for (none possible, or all failed) says why in the log. */
    private RequestRecord.Completed searchProblemNoted(RequestRecord.Completed done) {
        if (search == null || done.failure() != null) {
            return done;
        }
        return search.problem().map(problem -> new RequestRecord.Completed(done.status(), problem,
                done.firstTokenMillis(), done.durationMillis(), done.usage())).orElse(done);
    }

    private int relayStatus() {
        return relay.completed(0).status();
    }

    private RequestRecord.Routing routing(Target target, RequestRecord.Addressed addressed, String upstreamModel) {
        return new RequestRecord.Routing(target.id(), target.displayName(), target.apiMode().wireName(), addressed,
                request.messages().model(), upstreamModel, routedBy);
    }

    /** The answer that is live now: the relay once it started, else the SSE stream. */
    @Override
    public boolean silentFor(long nanos) {
        Keepalive.Pingable live = relay != null ? relay : events instanceof SseSink sse ? sse : null;
        return live != null && live.silentFor(nanos);
    }

    @Override
    public void pingIfSilent(long nanos) {
        Keepalive.Pingable live = relay != null ? relay : events instanceof SseSink sse ? sse : null;
        if (live != null) {
            live.pingIfSilent(nanos);
        }
    }
}
