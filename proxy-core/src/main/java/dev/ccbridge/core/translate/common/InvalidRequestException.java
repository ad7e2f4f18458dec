package dev.ccbridge.core.translate.common;

/** The client's request cannot be translated as it stands: answered with 400 invalid_request_error. */
public final class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
