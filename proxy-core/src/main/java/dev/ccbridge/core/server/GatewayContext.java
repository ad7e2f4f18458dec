package dev.ccbridge.core.server;

import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.routing.ModelRouter;
import dev.ccbridge.core.model.TokenCounter;
import dev.ccbridge.core.secrets.KeyResolver;
import dev.ccbridge.core.target.TargetRegistry;
import dev.ccbridge.core.upstream.Upstreams;

/** What the gateway needs, made once by whoever starts it (CLI or app). */
public record GatewayContext(TargetRegistry targets, ModelRouter router, Upstreams upstreams, KeyResolver keys,
                             RequestLog log, TokenCounter tokens) {
}
