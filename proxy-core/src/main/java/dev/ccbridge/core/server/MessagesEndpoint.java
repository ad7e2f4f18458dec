package dev.ccbridge.core.server;

import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.upstream.Cancellation;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /v1/messages}: parse, pick the model and upstream, answer through {@link Failover}, log it. */
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
        Failover.Candidate primary = Failover.resolve(context, target, messages.model());

        var record = new RequestRecord(requestId, Instant.now(), target.id(), target.displayName(),
                target.apiMode().wireName(), pinned ? "pinned" : "active", messages.model(),
                primary.model().upstream(), messages.streaming(), 0, null, null, null, null, null, body, null);
        context.log().publish(record);

        var cancellation = new Cancellation();
        request.addFailureListener(failure -> cancellation.cancel());
        ClientSink sink = messages.streaming()
                ? new StreamingSink(response, requestId, start, cancellation)
                : new FoldingSink(response, requestId, start);
        var relay = new ResponseRelay(response, cancellation, start);
        // A cheap estimate (bytes / 4) for message_start; the real count arrives with the upstream's usage.
        long estimate = Math.max(1, body.length / 4);
        var failover = new Failover(context, new Failover.Request(requestId, messages, body, forwardedHeaders(request),
                estimate, Ids.messageId(), cancellation), sink, relay);

        AutoCloseable watch = keepalive.watch(sink, relay, failover::current);
        boolean logged = false;
        try {
            failover.run(primary);
            closeQuietly(watch);
            sink.settle();
            // Logged before the last bytes go out: when Claude Code has the answer, the log has it too.
            context.log().publish(completed(record, failover, sink, relay, cancellation, start));
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
                context.log().publish(completed(record, failover, sink, relay, cancellation, start));
            }
        }
    }

    private static RequestRecord completed(RequestRecord record, Failover failover, ClientSink sink,
                                           ResponseRelay relay, Cancellation cancellation, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        RequestRecord tried = record;
        Failover.Candidate last = failover.last();
        if (last != null) {
            Target answered = last.target();
            tried = record.answeredBy(answered.id(), answered.displayName(), answered.apiMode().wireName(),
                    last.model().upstream(), failover.attempts());
        }
        if (relay.started()) {
            ApiError relayed = failover.relayedError();
            return tried.completed(relay.status(), relayed == null ? null : relayed.type(),
                    relayed == null ? null : relayed.message(), relay.firstByteMillis(), millis, null, relay.head());
        }
        ApiError error = sink.error() == null && cancellation.isCancelled() ? CLIENT_GONE : sink.error();
        int status = cancellation.isCancelled() ? 499 : sink.status();
        if (error != null) {
            // At debug: the request log (serve's request line, the app's table) already says it.
            LOG.debug("{} {} -> {} failed: {} {}", tried.id(), tried.targetId(), tried.upstreamModel(),
                    error.status(), error.message());
        }
        return tried.completed(status, error == null ? null : error.type(), error == null ? null : error.message(),
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
