package dev.ccbridge.bench.e2e;

import dev.ccbridge.bench.LoopbackServer;
import dev.ccbridge.bench.UpstreamChunks;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * A Chat Completions provider that answers at once, for load tests: {@code POST .../chat/completions}
 * reads the whole body, then answers a {@code "stream":true} request with SSE chunks, each written
 * and flushed on its own as a provider does, and any other with one JSON completion. Under
 * {@code /slow/<ms>/...} the chunks are {@code ms} milliseconds apart (long streams, arrival timing).
 * {@code GET /stats} counts requests. Bound to 127.0.0.1.
 *
 * <p>{@code FakeUpstream PORT [TEXT_CHUNKS]}: prints {@code ready <port>} when listening.
 */
public final class FakeUpstream implements AutoCloseable {
    private static final byte[] STREAM_TRUE = "\"stream\":true".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] STREAM_TRUE_SPACED = "\"stream\": true".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final LoopbackServer server;
    private final List<byte[]> chunks;
    private final byte[] completion;
    private final AtomicLong requests = new AtomicLong();

    public FakeUpstream(int port, int textChunks) {
        chunks = UpstreamChunks.chatSse(textChunks);
        completion = UpstreamChunks.chatCompletion(textChunks);
        server = new LoopbackServer("fake-upstream", port, this::answer);
    }

    public int port() {
        return server.port();
    }

    private void answer(Request request, Response response) throws Exception {
        String path = Request.getPathInContext(request);
        if ("GET".equals(request.getMethod()) && path.equals("/stats")) {
            write(response, 200, "application/json", ("{\"requests\":" + requests.get() + "}").getBytes());
            return;
        }
        if (!"POST".equals(request.getMethod()) || !path.endsWith("/chat/completions")) {
            write(response, 404, "application/json", "{\"error\":{\"message\":\"not found\"}}".getBytes());
            return;
        }
        requests.incrementAndGet();
        ByteBuffer body = Content.Source.asByteBuffer(request);
        long interval = path.startsWith("/slow/") ? Long.parseLong(path.split("/")[2]) : 0;
        if (!wantsStream(body)) {
            write(response, 200, "application/json", completion);
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        for (int i = 0; i < chunks.size(); i++) {
            if (interval > 0 && i > 0) {
                Thread.sleep(interval);
            }
            send(response, i == chunks.size() - 1, chunks.get(i));
        }
    }

    private static boolean wantsStream(ByteBuffer body) {
        return indexOf(body, STREAM_TRUE) >= 0 || indexOf(body, STREAM_TRUE_SPACED) >= 0;
    }

    private static int indexOf(ByteBuffer haystack, byte[] needle) {
        int end = haystack.limit() - needle.length;
        outer:
        for (int i = haystack.position(); i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack.get(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void write(Response response, int status, String type, byte[] bytes) throws Exception {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        send(response, true, bytes);
    }

    private static void send(Response response, boolean last, byte[] bytes) throws Exception {
        LoopbackServer.write(response, last, bytes);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int textChunks = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        var fake = new FakeUpstream(port, textChunks);
        System.out.println("ready " + fake.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
