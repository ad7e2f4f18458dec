package dev.ccbridge.core;

import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.routing.ModelRouter;
import dev.ccbridge.core.model.TokenCounter;
import dev.ccbridge.core.secrets.KeyResolver;
import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.server.GatewayContext;
import dev.ccbridge.core.target.TargetRegistry;
import dev.ccbridge.core.upstream.Upstreams;

/** Builds the standard {@link GatewayContext}: the one wiring shared by the CLI and the app. */
public final class Gateway {
    private Gateway() {}

    public static GatewayContext context(TargetRegistry targets, SecretStore secrets, RequestLog log) {
        return new GatewayContext(targets, new ModelRouter(ModelCatalog.builtIn()), Upstreams.standard(),
                new KeyResolver(secrets), log, new TokenCounter());
    }
}
