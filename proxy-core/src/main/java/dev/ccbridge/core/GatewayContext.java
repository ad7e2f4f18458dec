package dev.ccbridge.core;

import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.model.TokenCounter;
import dev.ccbridge.core.routing.ModelRouter;
import dev.ccbridge.core.routing.TargetRouter;
import dev.ccbridge.core.secrets.KeyResolver;
import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.target.TargetRegistry;
import dev.ccbridge.core.upstream.Upstreams;
import dev.ccbridge.core.websearch.WebSearch;

/** What the gateway needs, made once by whoever starts it (CLI or app). */
public record GatewayContext(TargetRegistry targets, ModelRouter router, Upstreams upstreams, KeyResolver keys,
                             RequestLog log, TokenCounter tokens, WebSearch webSearch) {

    /** Which target answers a request (routing rules, {@code target,model}). */
    public TargetRouter targetRouter() {
        return new TargetRouter(targets, router);
    }

    /** The standard wiring, shared by the CLI and the app. */
    public static GatewayContext standard(TargetRegistry targets, SecretStore secrets, RequestLog log) {
        Upstreams upstreams = Upstreams.standard();
        return new GatewayContext(targets, new ModelRouter(ModelCatalog.builtIn()), upstreams,
                new KeyResolver(secrets), log, new TokenCounter(),
                new WebSearch(upstreams.transport().orElseThrow(), secrets));
    }
}
