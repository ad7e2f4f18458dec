package dev.ccbridge.core.server;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.exchange.ClientGoneException;
import dev.ccbridge.core.exchange.Keepalive;
import dev.ccbridge.core.exchange.Replies;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.log.RejectionReason;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.AccessTokens;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door: Host check (DNS-rebinding guard), routing, target lookup and token check,
 * then the endpoint. A request it refuses is answered in Anthropic's error envelope and logged
 * ({@link RejectedRequests}). Runs on a virtual thread and may block; always completes the callback.
 */
final class GatewayHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final GatewayContext context;
    private final MessagesEndpoint messages;
    private final CountTokensEndpoint countTokens;
    private final ModelsEndpoint models;
    private final RejectedRequests rejections;
    private final AtomicInteger active = new AtomicInteger();

    GatewayHandler(GatewayContext context, ServerSettings settings, Keepalive keepalive) {
        super(InvocationType.BLOCKING);
        this.context = context;
        this.messages = new MessagesEndpoint(context, settings, keepalive);
        this.countTokens = new CountTokensEndpoint(context, settings);
        this.models = new ModelsEndpoint(context);
        this.rejections = new RejectedRequests(context.log());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = Ids.requestId();
        response.getHeaders().put(Replies.REQUEST_ID, requestId);
        active.incrementAndGet();
        try {
            route(request, response, requestId);
            callback.succeeded();
        } catch (Rejection rejected) {
            // Logged before the reply goes out: when the client has the error, the log has it too.
            rejections.record(request, requestId, rejected);
            replyError(request, response, callback, rejected.error, requestId);
        } catch (ClientGoneException e) {
            callback.failed(e);
        } catch (RuntimeException e) {
            LOG.error("{}: internal error", requestId, Redactor.scrubbed(e));
            replyError(request, response, callback, ApiError.api(500, "internal error in ccbridge ("
                    + e.getClass().getSimpleName() + "); see its log"), requestId);
        } finally {
            active.decrementAndGet();
        }
        return true;
    }

    /** Requests being handled right now. */
    int activeRequests() {
        return active.get();
    }

    private void route(Request request, Response response, String requestId) throws Rejection {
        if (!loopbackHost(request)) {
            throw new Rejection(RejectionReason.FOREIGN_HOST, ApiError.permission(
                    "ccbridge answers only requests addressed to localhost or 127.0.0.1"));
        }
        if (request.getHeaders().contains(HttpHeader.ORIGIN)) {
            // Browsers send Origin; Claude Code never does. No CORS: a web page gets no answer to read,
            // and a preflight (OPTIONS) fails, so a page cannot even try.
            throw new Rejection(RejectionReason.WEB_PAGE,
                    ApiError.permission("ccbridge does not answer requests from web pages"));
        }
        Route route = Route.parse(Request.getPathInContext(request));
        String method = request.getMethod();
        if (route.endpoint() == Route.Endpoint.UNKNOWN) {
            throw new Rejection(RejectionReason.UNKNOWN_ENDPOINT, ApiError.notFound("no such endpoint: " + method + " "
                    + Request.getPathInContext(request)));
        }
        Target target = target(route);
        try {
            serve(request, response, requestId, route, target);
        } catch (Rejection rejected) {
            throw rejected.about(target);
        }
    }

    private void serve(Request request, Response response, String requestId, Route route, Target target)
            throws Rejection {
        String method = request.getMethod();
        if (route.endpoint() == Route.Endpoint.PROBE) {
            requireMethod(method, "GET", "HEAD");
            Replies.empty(new JettyResponse(response), 200);
            return;
        }
        authenticate(request, route, target);
        switch (route.endpoint()) {
            case MESSAGES -> {
                requireMethod(method, "POST");
                messages.handle(request, response, target, route.pinned(), requestId);
            }
            case COUNT_TOKENS -> {
                requireMethod(method, "POST");
                countTokens.handle(request, response, target, route.pinned());
            }
            case MODELS -> {
                requireMethod(method, "GET");
                models.list(request, response, target);
            }
            case MODEL -> {
                requireMethod(method, "GET");
                models.one(response, target, route.rest(), requestId);
            }
            default -> throw new IllegalStateException("unrouted " + route);
        }
    }

    /** The route's target: pinned by route key, or the active one. Probes work without one. */
    private Target target(Route route) throws Rejection {
        Optional<Target> target = route.pinned()
                ? context.targets().byRouteKey(route.routeKey())
                : context.targets().active();
        if (target.isPresent() || route.endpoint() == Route.Endpoint.PROBE && !route.pinned()) {
            return target.orElse(null);
        }
        if (route.pinned()) {
            throw new Rejection(RejectionReason.UNKNOWN_ROUTE_KEY, ApiError.notFound("no target with route key '"
                    + route.routeKey() + "'; the target may have been edited or removed: copy its URL again from ccbridge"));
        }
        throw new Rejection(RejectionReason.NO_ACTIVE_TARGET, ApiError.notFound(
                "no active target: add one (ccbridge targets add ...) or activate one").notRetryable());
    }

    /**
     * Either header may carry the token; both are checked, because a user's real
     * {@code ANTHROPIC_API_KEY} may still be set beside ccbridge's {@code ANTHROPIC_AUTH_TOKEN}.
     */
    private void authenticate(Request request, Route route, Target target) throws Rejection {
        String expected = route.pinned() ? target.token() : context.targets().installToken();
        String apiKey = request.getHeaders().get("x-api-key");
        String bearer = bearer(request);
        if (isBlank(apiKey) && bearer == null) {
            throw new Rejection(RejectionReason.MISSING_TOKEN, ApiError.authentication(
                    "missing token: set ANTHROPIC_AUTH_TOKEN to the token ccbridge printed"));
        }
        String key = isBlank(apiKey) ? null : apiKey.strip();
        boolean matches = AccessTokens.matches(expected, key) | AccessTokens.matches(expected, bearer);
        if (!matches) {
            Map<String, String> sent = new LinkedHashMap<>();
            if (bearer != null) {
                sent.put("Authorization", bearer);
            }
            if (key != null) {
                sent.put("x-api-key", key);
            }
            throw new Rejection(RejectionReason.WRONG_TOKEN, ApiError.authentication(route.pinned()
                    ? "wrong token for this target's URL: copy the URL and token again from ccbridge"
                    : "wrong token: set ANTHROPIC_AUTH_TOKEN to the token ccbridge printed"),
                    SentTokens.describe(sent, context.targets(), route.pinned()));
        }
    }

    private static String bearer(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static boolean loopbackHost(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host == null || host.isBlank()) {
            return true; // HTTP/1.0 without Host: no name to rebind
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            name = end < 0 ? name : name.substring(0, end + 1);
        } else {
            int colon = name.lastIndexOf(':');
            name = colon < 0 ? name : name.substring(0, colon);
        }
        return LOOPBACK_HOSTS.contains(name) || name.endsWith(".localhost");
    }

    private static void requireMethod(String method, String... allowed) throws Rejection {
        for (String candidate : allowed) {
            if (candidate.equals(method)) {
                return;
            }
        }
        throw new Rejection(RejectionReason.WRONG_METHOD, ApiError.of(405, "invalid_request_error",
                "method " + method + " is not allowed here; use " + String.join(" or ", allowed))
                .withHeader("Allow", String.join(", ", allowed)));
    }

    private static void replyError(Request request, Response response, Callback callback, ApiError error,
                                   String requestId) {
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException(error.message()));
            return;
        }
        try {
            // Read what the client is still sending before answering, so it is not cut off mid-upload
            // and reads our error instead of a reset connection (the size limit bounds this).
            Content.Source.consumeAll(request);
        } catch (Exception ignored) {
            // an unreadable body: the error reply below is still the best answer
        }
        try {
            Replies.error(new JettyResponse(response), error, requestId);
            callback.succeeded();
        } catch (ClientGoneException e) {
            callback.failed(e);
        }
    }
}
