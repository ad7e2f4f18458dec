package dev.ccbridge.core.exchange;

import dev.ccbridge.core.protocol.anthropic.ApiError;

/** A non-streaming answer outgrew what ccbridge folds into one reply: stops the upstream call. */
final class AnswerTooLargeException extends RuntimeException {
    private final transient ApiError error;

    AnswerTooLargeException(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    ApiError error() {
        return error;
    }
}
