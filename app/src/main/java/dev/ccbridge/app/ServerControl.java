package dev.ccbridge.app;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.secrets.TargetReadiness;
import dev.ccbridge.core.server.PortInUseException;
import dev.ccbridge.core.server.GatewayServer;
import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.warmup.WarmUp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Turns the in-process gateway on and off and says what state it is in, including whether the
 * active target has the key its requests need. Start and stop block (binding a port, draining
 * requests): call them off the UI thread. Listeners hear every change on the thread that made it.
 */
public final class ServerControl implements AutoCloseable {
    /** WARNING: serving, but requests to the active target fail (it has no key). */
    public enum State { OFF, SERVING, WARNING, ERROR }

    /**
     * @param message   ERROR: what went wrong, in words; WARNING: what to add
     * @param readiness the active target, as far as its key goes
     */
    public record Status(State state, String url, String message, TargetReadiness readiness) {
        public boolean serving() {
            return state == State.SERVING || state == State.WARNING;
        }
    }

    /** How often a missing key is looked for again (it may be added with `ccbridge keys set`). */
    private static final Duration RECHECK = Duration.ofSeconds(3);

    private final GatewayContext context;
    private final IntSupplier port;
    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ccbridge-key-check");
        thread.setDaemon(true);
        return thread;
    });
    private GatewayServer server;
    private String error;
    private volatile Status status;

    public ServerControl(GatewayContext context, IntSupplier port) {
        this.context = context;
        this.port = port;
        this.status = current();
        context.targets().addListener(config -> recheckSoon());
        checks.scheduleWithFixedDelay(() -> {
            if (status.state() == State.WARNING) {
                recheck();
            }
        }, RECHECK.toMillis(), RECHECK.toMillis(), TimeUnit.MILLISECONDS);
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
        var candidate = new GatewayServer(context, ServerSettings.onPort(chosen));
        try {
            candidate.start();
            server = candidate;
            error = null;
            WarmUp.startInBackground(candidate::activeRequests);
        } catch (PortInUseException e) {
            error = "port " + chosen + " is already in use (another ccbridge, or another program): choose another"
                    + " port in Settings";
        } catch (RuntimeException e) {
            error = "could not start: " + e.getMessage();
        }
        return publish(current());
    }

    public synchronized Status stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        error = null;
        return publish(current());
    }

    /** Applies a new port: a running server moves to it. */
    public synchronized Status restartIfServing() {
        if (server == null) {
            return publish(current());
        }
        server.close();
        server = null;
        return start();
    }

    /** Looks at the active target's key again (it may have been added or removed) and tells listeners of a change. */
    public synchronized Status recheck() {
        Status now = current();
        return now.equals(status) ? status : publish(now);
    }

    /** {@link #recheck()} in the background, for callers that must not wait for the keychain. */
    public void recheckSoon() {
        checks.execute(this::recheck);
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
        try (var temporary = new GatewayServer(context, ServerSettings.onPort(0))) {
            temporary.start();
            return call.apply(temporary.baseUrl());
        } catch (PortInUseException e) {
            throw new IllegalStateException("no free port for a private gateway", e);
        }
    }

    @Override
    public synchronized void close() {
        checks.shutdownNow();
        if (server != null) {
            server.close();
            server = null;
        }
        context.upstreams().close();
    }

    /** The state as it is now: running or not, the last start's error, the active target's key. */
    private Status current() {
        TargetReadiness readiness = context.keys().readiness(context.targets().active());
        boolean running = server != null && server.isRunning();
        String url = running ? server.baseUrl() : urlFor(port.getAsInt());
        if (running && readiness instanceof TargetReadiness.MissingKey missing) {
            return new Status(State.WARNING, url, missing.headline(), readiness);
        }
        if (running) {
            return new Status(State.SERVING, url, null, readiness);
        }
        return error != null ? new Status(State.ERROR, url, error, readiness)
                : new Status(State.OFF, url, null, readiness);
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
