package dev.ccbridge.core.upstream;

import dev.ccbridge.core.stream.EventSequencer;
import java.util.Optional;

/**
 * One upstream protocol (an {@code apiMode}): sends a call to the provider and hands back its
 * answer as a source the exchange pulls from, on the request's (virtual) thread.
 */
public interface Upstream {
    /**
     * Sends the call and waits for the provider to start answering.
     *
     * @param out where a translated answer's events are made (an {@link AnswerSource.Events} source
     *            translates into it on each read); a relayed answer leaves it unused
     * @throws UpstreamFailure when there is no answer: unreachable, too slow, refused, or not readable
     */
    AnswerSource open(Call call, EventSequencer out) throws UpstreamFailure;

    /**
     * Counts a request's input tokens upstream, for modes whose provider can. Empty means "count
     * locally": the mode cannot, or the provider does not offer it or cannot be reached.
     */
    default Optional<CountTokensAnswer> countTokens(CountTokensRequest request) {
        return Optional.empty();
    }
}
