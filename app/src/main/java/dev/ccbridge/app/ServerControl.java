package dev.ccbridge.app;

import dev.ccbridge.core.server.GatewayContext;
import dev.ccbridge.core.server.PortInUseException;
import dev.ccbridge.core.server.ProxyServer;
import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.warmup.WarmUp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Turns the in-process gateway on and off and says what state it is in. Start and stop block
 * (binding a port, draining requests): call them off the UI thread. Listeners hear every change
 * on the thread that made it.
 */
public final class ServerControl implements AutoCloseable {
    public enum State { OFF, SERVING, ERROR }

    /** @param message for ERROR: what went wrong, in words */
    public record Status(State state, String url, String message) {
        public boolean serving() {
            return state == State.SERVING;
        }
    }

    private final GatewayContext context;
    private final IntSupplier port;
    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private ProxyServer server;
    private volatile Status status;

    public ServerControl(GatewayContext context, IntSupplier port) {
        this.context = context;
        this.port = port;
        this.status = new Status(State.OFF, urlFor(port.getAsInt()), null);
    }

    public GatewayContext context() {
        return context;
    }

    public Status status() {
        return status;
    }

    public void addListener(Consumer<Status> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Status> listener) {
        listeners.remove(listener);
    }

    public synchronized Status start() {
        if (server != null && server.isRunning()) {
            return status;
        }
        int chosen = port.getAsInt();
        var candidate = new ProxyServer(context, ServerSettings.onPort(chosen));
        try {
            candidate.start();
            server = candidate;
            WarmUp.startInBackground(candidate::activeRequests);
            return publish(new Status(State.SERVING, candidate.baseUrl(), null));
        } catch (PortInUseException e) {
            return publish(new Status(State.ERROR, urlFor(chosen), "port " + chosen
                    + " is already in use (another ccbridge, or another program): choose another port in Settings"));
        } catch (RuntimeException e) {
            return publish(new Status(State.ERROR, urlFor(chosen), "could not start: " + e.getMessage()));
        }
    }

    public synchronized Status stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        return publish(new Status(State.OFF, urlFor(port.getAsInt()), null));
    }

    /** Applies a new port: a running server moves to it. */
    public synchronized Status restartIfServing() {
        if (server == null) {
            return publish(new Status(State.OFF, urlFor(port.getAsInt()), null));
        }
        server.close();
        server = null;
        return start();
    }

    /**
     * Runs {@code call} against a gateway base URL: the running one, or a private one on a free
     * port for the duration (so "Test connection" and replay work while serving is off).
     */
    public <T> T throughGateway(Function<String, T> call) {
        String running;
        synchronized (this) {
            running = server != null && server.isRunning() ? server.baseUrl() : null;
        }
        if (running != null) {
            return call.apply(running);
        }
        try (var temporary = new ProxyServer(context, ServerSettings.onPort(0))) {
            temporary.start();
            return call.apply(temporary.baseUrl());
        } catch (PortInUseException e) {
            throw new IllegalStateException("no free port for a private gateway", e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        context.upstreams().close();
    }

    private Status publish(Status next) {
        status = next;
        for (Consumer<Status> listener : listeners) {
            listener.accept(next);
        }
        return next;
    }

    static String urlFor(int port) {
        return "http://" + ServerSettings.LOOPBACK + ":" + port;
    }
}
