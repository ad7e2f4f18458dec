package dev.ccbridge.core.upstream;

import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.translate.common.WithoutThinking;
import java.util.Map;

/**
 * What Claude Code asked for, once read: the same for every attempt at every target.
 *
 * @param id                   ccbridge's id for the request (logs, {@code request-id})
 * @param messages             the parsed request
 * @param rawBody              the bytes as sent (passthrough forwards them nearly unchanged)
 * @param clientHeaders        {@code anthropic-version} and {@code anthropic-beta}, lower-case names; never credentials
 * @param estimatedInputTokens announced in {@code message_start} before the upstream reports usage
 * @param messageId            the id of the answer ({@code msg_...})
 */
public record ClientRequest(String id, MessagesRequest messages, byte[] rawBody, Map<String, String> clientHeaders,
                            long estimatedInputTokens, String messageId) {

    /** Whether the history holds thinking blocks (whose signatures an upstream may refuse). */
    public boolean hasThinking() {
        return WithoutThinking.hasThinking(messages);
    }

    /** The same request with every thinking block taken out of its history. */
    public ClientRequest withoutThinking() {
        return new ClientRequest(id, WithoutThinking.of(messages), WithoutThinking.of(rawBody), clientHeaders,
                estimatedInputTokens, messageId);
    }
}
