package dev.ccbridge.core.warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The provider the warm-up's gateway talks to, on a free port of 127.0.0.1: Chat Completions,
 * Responses and Anthropic Messages answers (a short text, then a tool call), each event written
 * and flushed on its own as providers send them; a non-streamed Anthropic request gets the same
 * answer as one JSON message.
 */
final class LoopbackProvider implements AutoCloseable {
    private final List<byte[]> chat = events("chat.sse");
    private final List<byte[]> responses = events("responses.sse");
    private final List<byte[]> anthropic = events("anthropic.sse");
    private final byte[] anthropicJson = resource("anthropic.json");
    private final Server server;
    private final ServerConnector connector;

    LoopbackProvider() throws Exception {
        var threads = new QueuedThreadPool(8, 2);
        threads.setName("ccbridge-warm-up-provider");
        server = new Server(threads);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract(Handler.Abstract.InvocationType.BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                answer(request, response);
                callback.succeeded();
                return true;
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}, without a path. */
    String root() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    private void answer(Request request, Response response) throws Exception {
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        String path = Request.getPathInContext(request);
        boolean stream = body.contains("\"stream\":true");
        response.setStatus(200);
        if (path.endsWith("/v1/messages") && !stream) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            write(response, true, anthropicJson);
            return;
        }
        List<byte[]> events = path.endsWith("/chat/completions") ? chat : path.endsWith("/responses") ? responses
                : anthropic;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        for (int i = 0; i < events.size(); i++) {
            write(response, i == events.size() - 1, events.get(i));
        }
    }

    private static void write(Response response, boolean last, byte[] bytes) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(last, ByteBuffer.wrap(bytes), written);
            written.block();
        }
    }

    /** A resource's SSE events, one per blank-line-separated frame. */
    private static List<byte[]> events(String name) {
        List<byte[]> events = new ArrayList<>();
        for (String frame : new String(resource(name), StandardCharsets.UTF_8).split("(?<=\n\n)")) {
            events.add(frame.getBytes(StandardCharsets.UTF_8));
        }
        return events;
    }

    static byte[] resource(String name) {
        try (InputStream in = LoopbackProvider.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing warm-up resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
