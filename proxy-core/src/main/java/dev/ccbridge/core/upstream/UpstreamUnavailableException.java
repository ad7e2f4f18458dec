package dev.ccbridge.core.upstream;

import dev.ccbridge.core.protocol.anthropic.ApiError;

/** The provider could not be reached or did not answer in time; carries the error Claude Code gets. */
public final class UpstreamUnavailableException extends Exception {
    private final transient ApiError error;

    public UpstreamUnavailableException(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
