package dev.ccbridge.core.exchange;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.secrets.TargetReadiness;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.upstream.Upstream;
import dev.ccbridge.core.upstream.UpstreamFailure;
import java.util.Optional;

/** One way to answer a request: a target with its resolved model, upstream and key. */
record Candidate(Target target, ResolvedModel model, Upstream upstream, Optional<String> key) {

    /**
     * The target ready to answer a request for {@code requestedModel}.
     *
     * @throws UpstreamFailure (not worth retrying) when the target cannot answer it at all
     */
    static Candidate resolve(GatewayContext context, Target target, String requestedModel) throws UpstreamFailure {
        ResolvedModel model = context.router().resolve(target, requestedModel);
        if (model.upstream() == null || model.upstream().isBlank()) {
            throw new UpstreamFailure(ApiError.invalidRequest("target '" + target.displayName()
                    + "' has no model for '" + requestedModel + "': set its model or tier models").notRetryable());
        }
        Upstream upstream = context.upstreams().forMode(target.apiMode()).orElseThrow(() ->
                new UpstreamFailure(ApiError.of(501, "api_error", "API mode '" + target.apiMode()
                        + "' of target '" + target.displayName() + "' is not implemented in this version of ccbridge")
                        .notRetryable()));
        Optional<String> key = context.keys().keyFor(target);
        if (key.isEmpty() && TargetReadiness.needsKey(target)) {
            // Refused here, in words that name the fix, rather than by the provider as a bare 401.
            throw new UpstreamFailure(ApiError.authentication(new TargetReadiness.MissingKey(target).requestError())
                    .notRetryable());
        }
        return new Candidate(target, model, upstream, key);
    }
}
