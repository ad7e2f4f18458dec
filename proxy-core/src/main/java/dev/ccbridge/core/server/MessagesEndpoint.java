package dev.ccbridge.core.server;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.exchange.Exchange;
import dev.ccbridge.core.exchange.Keepalive;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.ClientRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** {@code POST /v1/messages}: read and parse the body within the size limit, then hand it to an {@link Exchange}. */
final class MessagesEndpoint {
    private static final List<String> FORWARDED_HEADERS = List.of("anthropic-version", "anthropic-beta");

    private final GatewayContext context;
    private final ServerSettings settings;
    private final Keepalive keepalive;

    MessagesEndpoint(GatewayContext context, ServerSettings settings, Keepalive keepalive) {
        this.context = context;
        this.settings = settings;
        this.keepalive = keepalive;
    }

    void handle(Request request, Response response, Target target, boolean pinned, String requestId)
            throws Rejection {
        long start = System.nanoTime();
        byte[] body = RequestBodies.read(request, settings.maxRequestBytes());
        MessagesRequest messages = RequestBodies.parseMessages(body, true);
        // A cheap estimate (bytes / 4) for message_start; the real count arrives with the upstream's usage.
        var client = new ClientRequest(requestId, messages, body, forwardedHeaders(request),
                Math.max(1, body.length / 4), Ids.messageId());
        var cancellation = new Cancellation();
        request.addFailureListener(failure -> cancellation.cancel());
        new Exchange(context, client, new JettyResponse(response), cancellation, start)
                .run(target, pinned ? RequestRecord.Addressed.PINNED : RequestRecord.Addressed.ACTIVE, keepalive);
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
}
