package dev.ccbridge.bench;

import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * A Jetty server on 127.0.0.1 whose requests a blocking function answers, each on its own
 * virtual thread: the benchmarks' fake providers ({@code FakeUpstream}, {@code ScriptedProvider}).
 */
public final class LoopbackServer implements AutoCloseable {
    /** Answers one request, writing the whole response before it returns. */
    public interface Answer {
        void answer(Request request, Response response) throws Exception;
    }

    private final Server server;
    private final ServerConnector connector;

    /** Starts it on {@code port} (0: a free one). */
    public LoopbackServer(String name, int port, Answer answer) {
        var threads = new VirtualThreadPool(20_000);
        threads.setName(name);
        server = new Server(threads);
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setAcceptQueueSize(4096);
        connector.setIdleTimeout(120_000);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract(Handler.Abstract.InvocationType.BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                answer.answer(request, response);
                callback.succeeded();
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start " + name + " on port " + port, e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Writes and flushes one piece of a response, as a provider sends each chunk on its own. */
    public static void write(Response response, boolean last, byte[] bytes) throws Exception {
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(last, ByteBuffer.wrap(bytes), written);
            written.block();
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
