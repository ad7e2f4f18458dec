package dev.ccbridge.core.upstream;

import java.util.Map;

/**
 * A provider's answer as it arrives, pulled by the exchange one read at a time. Closing it before
 * its end stops the provider's answer (the connection is dropped, never reused half-read).
 */
public sealed interface AnswerSource extends AutoCloseable {

    /** An answer translated into Anthropic events, made in the call's {@code EventSequencer}. */
    non-sealed interface Events extends AnswerSource {
        /**
         * Reads what the provider sent next and translates it.
         *
         * @return false once the answer has ended (the sequencer then holds the closing events)
         * @throws UpstreamFailure when the answer cannot go on; events made before it stay in the sequencer
         */
        boolean read() throws UpstreamFailure;
    }

    /** An answer already in Claude Code's protocol, relayed byte for byte (passthrough). */
    non-sealed interface Bytes extends AnswerSource {
        int status();

        /** The headers worth passing on (lower-case names; no hop-by-hop or length headers). */
        Map<String, String> headers();

        /** Whether the answer is an event stream (a JSON answer otherwise). */
        boolean eventStream();

        /**
         * The next bytes to relay, with key material scrubbed.
         *
         * @return the bytes (possibly none), or null at the end
         * @throws UpstreamFailure when the answer broke off or is malformed; what came before was returned
         */
        byte[] read() throws UpstreamFailure;
    }

    @Override
    void close();
}
