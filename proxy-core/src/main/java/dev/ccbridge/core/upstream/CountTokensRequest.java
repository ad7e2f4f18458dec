package dev.ccbridge.core.upstream;

import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.target.Target;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code count_tokens} call an upstream may answer itself (see {@link Upstream#countTokens}).
 *
 * @param rawBody       the bytes Claude Code sent
 * @param clientHeaders {@code anthropic-version} and {@code anthropic-beta}, lower-case names
 */
public record CountTokensRequest(byte[] rawBody, Map<String, String> clientHeaders, Target target,
                                 ResolvedModel model, Optional<String> apiKey, Redactor redactor) {

    public Timeouts timeouts() {
        return Timeouts.of(target);
    }
}
