package dev.ccbridge.core.server;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.exchange.Keepalive;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The local gateway: Jetty on 127.0.0.1 speaking the Anthropic API. The one entry point for the
 * CLI and the app: construct, {@link #start()}, {@link #close()}.
 */
public final class GatewayServer implements AutoCloseable {
    private static final int INPUT_BUFFER = 32 * 1024;

    private final GatewayContext context;
    private final ServerSettings settings;
    private Server server;
    private ServerConnector connector;
    private Keepalive keepalive;
    private GatewayHandler gateway;
    private BodyBudget budget;

    public GatewayServer(GatewayContext context, ServerSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    public synchronized void start() throws PortInUseException {
        if (server != null) {
            return;
        }
        requireLoopback(settings.host());
        server = new Server(threadPool());
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        // No per-connection cache of parsed header fields: Jetty's default (1024 entries) holds
        // ~17 KB of tables on every connection, for a few string compares saved per header.
        http.setHeaderCacheSize(0);
        var httpFactory = new HttpConnectionFactory(http);
        // Claude Code's bodies are 50-500 KB: read them in fewer, larger reads (pooled buffers,
        // given back when a connection goes idle).
        httpFactory.setInputBufferSize(INPUT_BUFFER);
        connector = new ServerConnector(server, 1, 1, httpFactory);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        connector.setAcceptQueueSize(1024);
        connector.setReuseAddress(true);
        server.addConnector(connector);
        keepalive = new Keepalive(settings.pingInterval());
        var sizeLimit = new SizeLimitHandler(settings.maxRequestBytes(), -1);
        budget = new BodyBudget(settings.effectiveBodyBudget(), settings.budgetWait());
        gateway = new GatewayHandler(context, settings, keepalive, budget);
        sizeLimit.setHandler(gateway);
        server.setHandler(sizeLimit);
        server.setErrorHandler(new AnthropicErrorHandler(settings.maxRequestBytes(),
                new RejectedRequests(context.log())));
        server.setStopTimeout(2000);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            if (isBindFailure(e)) {
                throw new PortInUseException(settings.host(), settings.port());
            }
            throw new IllegalStateException("cannot start the server: " + e.getMessage(), e);
        }
    }

    /**
     * Selectors and acceptor on a few platform threads (a selector blocks in epoll and would pin a
     * virtual thread's carrier); each request's handler on its own virtual thread, at most
     * {@code maxThreads} at once.
     */
    private ThreadPool threadPool() {
        var platform = new QueuedThreadPool(8, 2);
        platform.setName("ccbridge-io");
        platform.setReservedThreads(0);
        var handlers = new VirtualThreadPool(settings.maxThreads());
        handlers.setName("ccbridge");
        platform.setVirtualThreadsExecutor(handlers);
        return platform;
    }

    public synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }

    /** The port actually bound (useful with port 0). */
    public synchronized int port() {
        return connector == null ? settings.port() : connector.getLocalPort();
    }

    public String baseUrl() {
        return "http://" + settings.host() + ":" + port();
    }

    public GatewayContext context() {
        return context;
    }

    /** Requests being handled right now (0 when idle: none is left hanging). */
    public synchronized int activeRequests() {
        return gateway == null ? 0 : gateway.activeRequests();
    }

    /** Bytes of request bodies held right now ({@link BodyBudget}; 0 when idle: none is leaked). */
    public synchronized long bodyBytesInFlight() {
        return budget == null ? 0 : budget.inFlight();
    }

    /** The largest request body it takes (larger ones get 413). */
    public long maxRequestBytes() {
        return settings.maxRequestBytes();
    }

    /** The bytes of request bodies it holds at most at once (0 before it starts). */
    public synchronized long bodyBudget() {
        return budget == null ? 0 : budget.bytes();
    }

    /** Client connections open right now. */
    public synchronized int openConnections() {
        return connector == null ? 0 : connector.getConnectedEndPoints().size();
    }

    /**
     * ccbridge listens on the loopback interface only: its tokens guard a local service, not one
     * exposed to a network.
     */
    static void requireLoopback(String host) {
        boolean loopback;
        try {
            loopback = host != null && !host.isBlank() && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new IllegalArgumentException("ccbridge listens on the loopback interface only (127.0.0.1, ::1), not on '"
                    + host + "'");
        }
    }

    @Override
    public synchronized void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // stopping: nothing useful to do with a failure
            }
            server = null;
        }
        gateway = null;
        if (keepalive != null) {
            keepalive.close();
            keepalive = null;
        }
        connector = null;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || (t instanceof IOException && t.getMessage() != null
                    && t.getMessage().contains("Failed to bind"))) {
                return true;
            }
        }
        return false;
    }
}
