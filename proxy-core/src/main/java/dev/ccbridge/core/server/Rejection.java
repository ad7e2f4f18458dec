package dev.ccbridge.core.server;

import dev.ccbridge.core.protocol.anthropic.ApiError;

/**
 * A request the gateway refuses before answering it (foreign Host, web page Origin, missing or
 * wrong token, wrong method, unknown route, unreadable body), with the error reply to give.
 */
final class Rejection extends Exception {
    final transient ApiError error;

    Rejection(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }
}
