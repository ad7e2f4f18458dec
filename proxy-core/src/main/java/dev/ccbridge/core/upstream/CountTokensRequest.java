package dev.ccbridge.core.upstream;

import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.Timeouts;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code count_tokens} call an upstream may answer itself (see {@link Upstream#countTokens}).
 *
 * @param rawBody       the bytes Claude Code sent
 * @param clientHeaders {@code anthropic-version} and {@code anthropic-beta}, lower-case names
 */
public record CountTokensRequest(byte[] rawBody, Map<String, String> clientHeaders, Target target,
                                 ResolvedModel model, Optional<String> apiKey) {
    /** Counting is quick or not worth waiting for: the local count is the fallback. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(20);

    public Timeouts timeouts() {
        Timeouts configured = target.timeouts();
        Duration firstByte = configured.firstByte().compareTo(MAX_WAIT) < 0 ? configured.firstByte() : MAX_WAIT;
        return new Timeouts(firstByte, firstByte, MAX_WAIT.plus(MAX_WAIT));
    }
}
