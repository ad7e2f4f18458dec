package dev.ccbridge.core.server;

import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.translate.common.MessageStreamBuilder;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.Upstream;
import dev.ccbridge.core.upstream.UpstreamExchange;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /v1/messages}: parse, pick the model and upstream, run the exchange, log it. */
final class MessagesEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(MessagesEndpoint.class);
    private static final List<String> FORWARDED_HEADERS = List.of("anthropic-version", "anthropic-beta");
    private static final ApiError CLIENT_GONE = ApiError.of(499, "api_error", "the client closed the connection");

    private final GatewayContext context;
    private final ServerSettings settings;
    private final Keepalive keepalive;

    MessagesEndpoint(GatewayContext context, ServerSettings settings, Keepalive keepalive) {
        this.context = context;
        this.settings = settings;
        this.keepalive = keepalive;
    }

    void handle(Request request, Response response, Target target, boolean pinned, String requestId)
            throws RequestBodies.Rejected {
        long start = System.nanoTime();
        byte[] body = RequestBodies.read(request, settings.maxRequestBytes());
        MessagesRequest messages = RequestBodies.parseMessages(body, true);

        ResolvedModel model = context.router().resolve(target, messages.model());
        if (model.upstream() == null || model.upstream().isBlank()) {
            throw new RequestBodies.Rejected(ApiError.invalidRequest("target '" + target.displayName()
                    + "' has no model for '" + messages.model() + "': set its model or tier models").notRetryable());
        }
        Upstream upstream = context.upstreams().forMode(target.apiMode()).orElseThrow(() ->
                new RequestBodies.Rejected(ApiError.of(501, "api_error", "API mode '" + target.apiMode()
                        + "' of target '" + target.displayName() + "' is not implemented in this version of ccbridge")
                        .notRetryable()));
        Optional<String> key = context.keys().keyFor(target);

        var record = new RequestRecord(requestId, Instant.now(), target.id(), target.displayName(),
                target.apiMode().wireName(), pinned ? "pinned" : "active", messages.model(), model.upstream(),
                messages.streaming(), 0, null, null, null, null, null, body, null);
        context.log().publish(record);

        var cancellation = new Cancellation();
        request.addFailureListener(failure -> cancellation.cancel());
        ClientSink sink = messages.streaming()
                ? new StreamingSink(response, requestId, start, cancellation)
                : new FoldingSink(response, requestId, start);
        var relay = new ResponseRelay(response, cancellation, start);
        // A cheap estimate (bytes / 4) for message_start; the real count arrives with the upstream's usage.
        long estimate = Math.max(1, body.length / 4);
        var out = new MessageStreamBuilder(Ids.messageId(), messages.model(), estimate, sink);
        var exchange = new UpstreamExchange(requestId, messages, body, forwardedHeaders(request), target, model, key,
                estimate, out, relay, cancellation, new Redactor(key.map(List::of).orElse(List.of())));

        AutoCloseable watch = sink instanceof StreamingSink streaming ? keepalive.watch(streaming, out) : () -> { };
        boolean logged = false;
        try {
            run(upstream, exchange, requestId);
            closeQuietly(watch);
            sink.settle();
            // Logged before the last bytes go out: when Claude Code has the answer, the log has it too.
            context.log().publish(completed(record, sink, relay, cancellation, start));
            logged = true;
            if (relay.started()) {
                relay.finish();
            } else {
                sink.finish();
            }
        } catch (ClientGoneException e) {
            cancellation.cancel();
            throw e;
        } finally {
            closeQuietly(watch);
            if (!logged) {
                context.log().publish(completed(record, sink, relay, cancellation, start));
            }
        }
    }

    private static void run(Upstream upstream, UpstreamExchange exchange, String requestId) {
        try {
            upstream.exchange(exchange);
        } catch (ClientGoneException e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug of ours: the client gets a clean error (or error event), the log gets the trace.
            LOG.error("{}: internal error while answering through {}", requestId, exchange.target().id(), e);
            exchange.out().fail(ApiError.api(500, "internal error in ccbridge (" + e.getClass().getSimpleName()
                    + "); see its log"));
        }
    }

    private static RequestRecord completed(RequestRecord record, ClientSink sink, ResponseRelay relay,
                                           Cancellation cancellation, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (relay.started()) {
            return record.completed(relay.status(), null, null, relay.firstByteMillis(), millis, null, relay.head());
        }
        ApiError error = sink.error() == null && cancellation.isCancelled() ? CLIENT_GONE : sink.error();
        int status = cancellation.isCancelled() ? 499 : sink.status();
        if (error != null) {
            LOG.info("{} {} -> {} failed: {} {}", record.id(), record.targetId(), record.upstreamModel(),
                    error.status(), error.message());
        }
        return record.completed(status, error == null ? null : error.type(), error == null ? null : error.message(),
                sink.firstTokenMillis(), millis, sink.usage(), sink.summary());
    }

    /** The client headers an upstream may see: Anthropic's version and betas, never credentials. */
    static Map<String, String> forwardedHeaders(Request request) {
        Map<String, String> out = new HashMap<>();
        for (String name : FORWARDED_HEADERS) {
            String value = request.getHeaders().get(name);
            if (value != null) {
                out.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        return out;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // cancelling a timer task cannot fail in a way that matters
        }
    }
}
