package dev.ccbridge.core.server;

/** The configured port is taken (often: ccbridge is already running). */
public final class PortInUseException extends Exception {
    private final int port;

    public PortInUseException(String host, int port) {
        super("port " + port + " on " + host + " is already in use (is ccbridge already running?); "
                + "stop the other program or choose another port with --port", null, false, false);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
