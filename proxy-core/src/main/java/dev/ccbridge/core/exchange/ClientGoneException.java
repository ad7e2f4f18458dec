package dev.ccbridge.core.exchange;

/** Writing to Claude Code failed: it closed the connection. Unwinds the request's work. */
public final class ClientGoneException extends RuntimeException {
    public ClientGoneException(Throwable cause) {
        super("the client closed the connection", cause, false, false);
    }
}
