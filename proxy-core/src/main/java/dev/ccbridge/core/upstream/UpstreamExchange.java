package dev.ccbridge.core.upstream;

import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.Timeouts;
import dev.ccbridge.core.translate.common.MessageStreamBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an {@link Upstream} needs for one request.
 *
 * @param request              the parsed Anthropic request
 * @param rawBody              the bytes Claude Code sent (for passthrough)
 * @param clientHeaders        headers worth forwarding ({@code anthropic-version}, {@code anthropic-beta}), lower-case names
 * @param apiKey               the target's key, if it has one
 * @param estimatedInputTokens for {@code message_start} and for context-overflow messages
 * @param out                  where the translated answer goes
 * @param relay                where an untranslated (passthrough) answer goes instead
 * @param redactor             scrubs the key from anything reported
 */
public record UpstreamExchange(String requestId, MessagesRequest request, byte[] rawBody,
                               Map<String, String> clientHeaders, Target target, ResolvedModel model,
                               Optional<String> apiKey, long estimatedInputTokens, MessageStreamBuilder out,
                               RawRelay relay, Cancellation cancellation, Redactor redactor) {

    public Timeouts timeouts() {
        return target.timeouts();
    }
}
