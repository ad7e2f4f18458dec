package dev.ccbridge.core.upstream;

import dev.ccbridge.core.protocol.anthropic.ApiError;
import java.util.Map;

/**
 * An attempt that cannot answer, or an answer that cannot go on: the provider could not be reached,
 * was too slow, refused the request, or broke off. Carries the error Claude Code gets, unless the
 * exchange can still try again or elsewhere (nothing of the answer sent yet).
 */
public final class UpstreamFailure extends Exception {
    /**
     * A provider's error answer already in Anthropic's envelope (passthrough): Claude Code gets it
     * byte for byte, key material scrubbed.
     */
    public record Relayed(int status, Map<String, String> headers, byte[] body) {}

    private final transient ApiError error;
    private final transient Relayed relayed;

    public UpstreamFailure(ApiError error) {
        this(error, null);
    }

    /** @param error what the relayed answer says, for the decision to try again or elsewhere */
    public UpstreamFailure(ApiError error, Relayed relayed) {
        super(error.message(), null, false, false);
        this.error = error;
        this.relayed = relayed;
    }

    public ApiError error() {
        return error;
    }

    /** The answer to relay unchanged instead of ccbridge's envelope, or null. */
    public Relayed relayed() {
        return relayed;
    }
}
