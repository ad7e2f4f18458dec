package dev.ccbridge.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.fake.Reply.Piece;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * A model provider over real HTTP on 127.0.0.1, configured by a {@link Profile}: it speaks the
 * profile's protocol, answers as its agent, holds requests to its rules and applies its fault.
 * The profile can be changed while it runs ({@link #use}). It records every request, counts
 * connections, and notices a caller that left while it was still writing.
 */
public final class FakeProvider implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger callersGone = new AtomicInteger();
    private volatile Profile profile;

    private FakeProvider(Profile profile) {
        this.profile = profile;
        connector.setHost("127.0.0.1");
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                accepted.incrementAndGet();
                open.incrementAndGet();
            }

            @Override
            public void onClosed(Connection connection) {
                open.decrementAndGet();
            }
        });
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract(Invocable.InvocationType.BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                serve(request, response, callback);
                return true;
            }
        });
    }

    /** A provider on a free port, speaking as {@code profile} says. */
    public static FakeProvider start(Profile profile) {
        var provider = new FakeProvider(profile);
        try {
            provider.server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the fake provider", e);
        }
        return provider;
    }

    /** From the next request on, speaks as {@code next} says. */
    public FakeProvider use(Profile next) {
        this.profile = next;
        return this;
    }

    /** From the next request on, answers every request with {@code reply} (the profile's rules still apply). */
    public FakeProvider replying(Reply reply) {
        return use(profile.replying(reply));
    }

    public Profile profile() {
        return profile;
    }

    /** {@code http://127.0.0.1:<port>}: an Anthropic target's base URL, or Bedrock's endpoint. */
    public String rootUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** The base URL a target of this protocol names: with {@code /v1} for Chat and Responses. */
    public String baseUrl() {
        return rootUrl() + profile.dialect().basePath();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The JSON bodies received, in order. */
    public List<JsonNode> requests() {
        return received.stream().map(Received::json).toList();
    }

    public Received last() {
        if (received.isEmpty()) {
            throw new AssertionError("the fake provider got no request");
        }
        return received.getLast();
    }

    /** One answer that was not a success: which request (by its place in {@link #received}), status and body. */
    public record Refusal(int request, int status, String body) {}

    /** The answers that were errors, in order: how a test tells which rule a request broke. */
    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    /** Connections still open. */
    public int openConnections() {
        return open.get();
    }

    /** Answers the caller left before they were written to the end. */
    public int callersGone() {
        return callersGone.get();
    }

    private void serve(Request request, Response response, Callback callback) throws IOException {
        byte[] body = Request.asInputStream(request).readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach(field -> headers.put(field.getLowerCaseName(), field.getValue()));
        Received one = new Received(request.getMethod(), request.getHttpURI().getPath(), headers, body,
                Jsons.parseOrNull(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        received.add(one);
        Reply reply = profile.respond(one);
        if (reply.status() >= 300) {
            refusals.add(new Refusal(received.indexOf(one), reply.status(), reply.body()));
        }
        response.setStatus(reply.status());
        reply.headers().forEach(response.getHeaders()::put);
        try {
            if (isWhole(reply)) {
                byte[] bytes = reply.pieces().isEmpty() ? new byte[0] : reply.pieces().getFirst().bytes();
                response.getHeaders().put("Content-Length", bytes.length);
                write(response, true, bytes);
                callback.succeeded();
                return;
            }
            for (Piece piece : reply.pieces()) {
                if (!piece.pause().isZero() && closing.await(piece.pause().toMillis(), TimeUnit.MILLISECONDS)) {
                    callback.failed(new IOException("the fake provider closed"));
                    return;
                }
                write(response, false, piece.bytes());
            }
            end(reply.ending(), request, response, callback);
        } catch (IOException e) {
            callersGone.incrementAndGet();
            callback.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        }
    }

    private static boolean isWhole(Reply reply) {
        return reply.ending() == Reply.Ending.COMPLETE && reply.pieces().size() <= 1
                && reply.pieces().stream().allMatch(piece -> piece.pause().isZero());
    }

    private void end(Reply.Ending ending, Request request, Response response, Callback callback)
            throws IOException, InterruptedException {
        switch (ending) {
            case COMPLETE -> {
                write(response, true, new byte[0]);
                callback.succeeded();
            }
            case HANG -> {
                closing.await(5, TimeUnit.MINUTES);
                callback.failed(new IOException("the fake provider closed"));
            }
            case RESET -> {
                EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
                if (endPoint.getTransport() instanceof SocketChannel channel) {
                    channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                }
                endPoint.close();
                callback.failed(new IOException("reset by the fake provider"));
            }
            case CLOSE -> callback.failed(new IOException("cut by the fake provider"));
        }
    }

    private static void write(Response response, boolean last, byte[] bytes) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(last, ByteBuffer.wrap(bytes), written);
            written.block();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
