package dev.ccbridge.core.server;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.exchange.Replies;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.routing.TargetRouter;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.upstream.CountTokensAnswer;
import dev.ccbridge.core.upstream.CountTokensRequest;
import dev.ccbridge.core.upstream.Upstream;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * {@code POST /v1/messages/count_tokens}: the upstream's own count where its mode offers one
 * (passthrough), else a local count; never a 404 (Claude Code calls it often).
 */
final class CountTokensEndpoint {
    private final GatewayContext context;
    private final ServerSettings settings;

    CountTokensEndpoint(GatewayContext context, ServerSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    void handle(Request request, Response response, Target addressed, boolean pinned) throws Rejection {
        byte[] body = RequestBodies.read(request, settings.maxRequestBytes());
        MessagesRequest messages = RequestBodies.parseMessages(body, false);
        // Counted where the request itself would go, so a routed conversation is counted by the right provider.
        TargetRouter.Decision route = context.targetRouter().route(addressed, pinned, messages, body.length / 4);
        Optional<CountTokensAnswer> upstream = upstreamCount(request, route, body);
        if (upstream.isPresent()) {
            CountTokensAnswer answer = upstream.get();
            Replies.whole(new JettyResponse(response), answer.status(), answer.headers(), answer.body());
            return;
        }
        Replies.json(new JettyResponse(response), 200, Map.of("input_tokens", context.tokens().count(messages)));
    }

    private Optional<CountTokensAnswer> upstreamCount(Request request, TargetRouter.Decision route, byte[] body) {
        Target target = route.target();
        Optional<Upstream> upstream = context.upstreams().forMode(target.apiMode());
        if (upstream.isEmpty()) {
            return Optional.empty();
        }
        ResolvedModel model = context.router().resolve(target, route.model());
        Optional<String> key = context.keys().keyFor(target);
        return upstream.get().countTokens(new CountTokensRequest(body, MessagesEndpoint.forwardedHeaders(request),
                target, model, key));
    }
}
