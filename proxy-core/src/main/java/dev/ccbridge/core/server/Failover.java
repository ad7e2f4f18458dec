package dev.ccbridge.core.server;

import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.secrets.TargetReadiness;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.translate.common.MessageStreamBuilder;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.RetryPolicy;
import dev.ccbridge.core.upstream.Upstream;
import dev.ccbridge.core.upstream.UpstreamExchange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one messages request in attempts, while nothing has reached Claude Code: the target,
 * again as its {@link RetryPolicy} allows, then its {@code fallbacks} in order. Each attempt
 * writes through an {@link AttemptSink} and an {@link AttemptRelay}, which pass an answer on as
 * soon as it starts and hold a failure reported before that; this loop then decides to try
 * again, to try the next target, or to hand the failure to Claude Code. Once an answer has
 * started, it is never retried: a later failure ends it with an error event.
 */
final class Failover {
    private static final Logger LOG = LoggerFactory.getLogger(Failover.class);

    /** One way to answer: a target with its resolved model, upstream and key. */
    record Candidate(Target target, ResolvedModel model, Upstream upstream, Optional<String> key) {}

    /** What one exchange needs besides the target. */
    record Request(String id, MessagesRequest messages, byte[] body, Map<String, String> clientHeaders,
                   long estimate, String messageId, Cancellation cancellation) {}

    /** A failure an attempt reported before answering, held until the loop decides. */
    private sealed interface Held {
        ApiError error();
    }

    private record HeldError(ApiError error) implements Held {}

    /** A provider's error answer, relayed unchanged but for key material (scrubbed, should it echo a key). */
    private record HeldAnswer(AttemptRelay.Held answer, Redactor redactor) implements Held {
        @Override
        public ApiError error() {
            ApiError error = answer.error();
            return new ApiError(error.status(), error.type(), redactor.redact(error.message()), null, error.headers());
        }
    }

    private final GatewayContext context;
    private final Request request;
    private final ClientSink sink;
    private final ResponseRelay relay;
    private final List<RequestRecord.Attempt> attempts = new ArrayList<>();
    private volatile MessageStreamBuilder current;
    private Candidate last;
    private ApiError relayedError;

    Failover(GatewayContext context, Request request, ClientSink sink, ResponseRelay relay) {
        this.context = context;
        this.request = request;
        this.sink = sink;
        this.relay = relay;
    }

    /** The target with its model and upstream, or the reason it cannot answer this request. */
    static Candidate resolve(GatewayContext context, Target target, String requestedModel)
            throws RequestBodies.Rejected {
        ResolvedModel model = context.router().resolve(target, requestedModel);
        if (model.upstream() == null || model.upstream().isBlank()) {
            throw new RequestBodies.Rejected(ApiError.invalidRequest("target '" + target.displayName()
                    + "' has no model for '" + requestedModel + "': set its model or tier models").notRetryable());
        }
        Upstream upstream = context.upstreams().forMode(target.apiMode()).orElseThrow(() ->
                new RequestBodies.Rejected(ApiError.of(501, "api_error", "API mode '" + target.apiMode()
                        + "' of target '" + target.displayName() + "' is not implemented in this version of ccbridge")
                        .notRetryable()));
        Optional<String> key = context.keys().keyFor(target);
        if (key.isEmpty() && TargetReadiness.needsKey(target)) {
            // Refused here, in words that name the fix, rather than by the provider as a bare 401.
            throw new RequestBodies.Rejected(ApiError.authentication(
                    new TargetReadiness.MissingKey(target).requestError()).notRetryable());
        }
        return new Candidate(target, model, upstream, key);
    }

    /** Runs the attempts; afterwards the client sink or relay holds the outcome (answer or error). */
    void run(Candidate primary) {
        Set<String> tried = new HashSet<>();
        List<String> fallbacks = primary.target().fallbacks();
        int nextFallback = 0;
        Candidate candidate = primary;
        Held failure = null;
        while (candidate != null) {
            tried.add(candidate.target().id());
            Held held = tryTarget(candidate);
            if (held == null) {
                return;
            }
            failure = held;
            if (!RetryPolicy.worthAFallback(held.error())) {
                break;
            }
            candidate = null;
            while (candidate == null && nextFallback < fallbacks.size()) {
                candidate = fallback(fallbacks.get(nextFallback++), tried);
            }
            if (candidate != null) {
                LOG.debug("{}: {} failed ({} {}); trying fallback {}", request.id(), last.target().id(),
                        held.error().status(), held.error().message(), candidate.target().id());
            }
        }
        deliver(failure);
    }

    /** The builder of the attempt running now, for the keep-alive pings. */
    MessageStreamBuilder current() {
        return current;
    }

    /** The target that answered, or was tried last. */
    Candidate last() {
        return last;
    }

    List<RequestRecord.Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** An error answer relayed unchanged (passthrough), for the log; null if none. */
    ApiError relayedError() {
        return relayedError;
    }

    /** Attempts on one target; returns the failure to act on, or null once answered (or the client left). */
    private Held tryTarget(Candidate candidate) {
        RetryPolicy policy = RetryPolicy.of(candidate.target());
        for (int failures = 1; ; failures++) {
            Held held = attempt(candidate);
            if (held == null || request.cancellation().isCancelled()) {
                return null;
            }
            Optional<Duration> pause = policy.pauseBeforeRetry(held.error(), failures);
            if (pause.isEmpty()) {
                return held;
            }
            LOG.debug("{}: {} failed ({} {}); trying again in {} ms", request.id(), candidate.target().id(),
                    held.error().status(), held.error().message(), pause.get().toMillis());
            if (request.cancellation().pause(pause.get())) {
                return null;
            }
        }
    }

    private Held attempt(Candidate candidate) {
        long start = System.nanoTime();
        var attemptSink = new AttemptSink(sink);
        var attemptRelay = new AttemptRelay(relay);
        var out = new MessageStreamBuilder(request.messageId(), request.messages().model(), request.estimate(),
                attemptSink);
        current = out;
        last = candidate;
        Redactor redactor = redactorFor(candidate);
        var exchange = new UpstreamExchange(request.id(), request.messages(), request.body(), request.clientHeaders(),
                candidate.target(), candidate.model(), candidate.key(), request.estimate(), out, attemptRelay,
                request.cancellation(), redactor);
        run(candidate.upstream(), exchange);
        Held held = attemptSink.held() != null ? new HeldError(attemptSink.held())
                : attemptRelay.held() != null ? new HeldAnswer(attemptRelay.held(), redactor) : null;
        long millis = (System.nanoTime() - start) / 1_000_000;
        attempts.add(held != null
                ? new RequestRecord.Attempt(candidate.target().id(), held.error().status(), held.error().message(), millis)
                : new RequestRecord.Attempt(candidate.target().id(), attemptRelay.forwarded() ? relay.status() : 200,
                        sink.error() == null ? null : sink.error().message(), millis));
        return held;
    }

    private static void run(Upstream upstream, UpstreamExchange exchange) {
        try {
            upstream.exchange(exchange);
        } catch (ClientGoneException e) {
            throw e;
        } catch (AnswerTooLargeException e) {
            exchange.out().fail(e.error());
        } catch (RuntimeException e) {
            // A bug of ours: the client gets a clean error (or error event), the log gets the trace.
            LOG.error("{}: internal error while answering through {}", exchange.requestId(), exchange.target().id(),
                    Redactor.scrubbed(e));
            exchange.out().fail(ApiError.api(500, "internal error in ccbridge (" + e.getClass().getSimpleName()
                    + "); see its log"));
        }
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
            return resolve(context, target.get(), request.messages().model());
        } catch (RequestBodies.Rejected rejected) {
            skip(id, rejected.error.message());
            return null;
        }
    }

    private void skip(String id, String reason) {
        LOG.debug("{}: fallback '{}' skipped: {}", request.id(), id, reason);
        attempts.add(new RequestRecord.Attempt(id, 0, "skipped: " + reason, 0));
    }

    private void deliver(Held failure) {
        switch (failure) {
            case HeldError(ApiError error) -> sink.fail(error);
            case HeldAnswer held -> {
                relayedError = held.error();
                held.answer().relayTo(relay, held.redactor());
            }
        }
    }

    /** Scrubs the target's key, and header values that look like credentials, from anything reported. */
    private static Redactor redactorFor(Candidate candidate) {
        List<String> secrets = new ArrayList<>();
        candidate.key().ifPresent(secrets::add);
        candidate.target().headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("key") || lower.contains("auth") || lower.contains("token")
                    || lower.contains("secret")) {
                secrets.add(value.startsWith("Bearer ") ? value.substring(7) : value);
            }
        });
        return new Redactor(secrets);
    }
}
