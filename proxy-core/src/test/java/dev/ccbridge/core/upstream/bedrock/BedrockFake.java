package dev.ccbridge.core.upstream.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * A local stand-in for the Bedrock runtime endpoint, over real HTTP on 127.0.0.1: answers
 * {@code /model/{id}/converse-stream} with {@code application/vnd.amazon.eventstream} frames
 * encoded by the AWS event-stream library, and {@code /model/{id}/converse} with JSON; errors
 * as Bedrock sends them ({@code x-amzn-ErrorType}). Records every request it gets.
 */
public final class BedrockFake implements AutoCloseable {
    public static final String REQUEST_ID = "fake-req-0001";

    /** One request as Bedrock received it. */
    public record Received(String path, String modelId, Map<String, String> headers, JsonNode body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** One event-stream frame: an event, or an exception frame. */
    public record Frame(boolean exception, String type, String json) {
        public static Frame event(String type, String json) {
            return new Frame(false, type, json);
        }

        public static Frame exception(String type, String json) {
            return new Frame(true, type, json);
        }

        public byte[] encode() {
            Map<String, HeaderValue> headers = new LinkedHashMap<>();
            headers.put(":message-type", HeaderValue.fromString(exception ? "exception" : "event"));
            headers.put(exception ? ":exception-type" : ":event-type", HeaderValue.fromString(type));
            headers.put(":content-type", HeaderValue.fromString("application/json"));
            ByteBuffer buffer = new Message(headers, json.getBytes(StandardCharsets.UTF_8)).toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
    }

    /** What the fake answers next. */
    sealed interface Reply {}

    /** Frames, each written in two pieces with a flush between, so frames span reads. */
    record StreamReply(List<Frame> frames, boolean hangAfter) implements Reply {}

    record JsonReply(int status, String errorType, String body) implements Reply {}

    /** Sends nothing at all until the fake closes. */
    record SilentReply() implements Reply {}

    /** Frames computed from each request's body (a scripted agent), with a silence after the first frame. */
    record AgentReply(Function<JsonNode, List<Frame>> agent, Duration silence) implements Reply {}

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Reply reply = new JsonReply(500, "InternalServerException", "{\"message\":\"no reply set\"}");

    public BedrockFake() {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                respond(request, response, callback);
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    public BedrockFake replyStream(List<Frame> frames) {
        reply = new StreamReply(frames, false);
        return this;
    }

    public BedrockFake replyStreamThenHang(List<Frame> frames) {
        reply = new StreamReply(frames, true);
        return this;
    }

    public BedrockFake replyJson(int status, String errorType, String body) {
        reply = new JsonReply(status, errorType, body);
        return this;
    }

    /** Answers every request with the frames {@code agent} makes of its body, pausing after the first. */
    public BedrockFake replyWith(Function<JsonNode, List<Frame>> agent, Duration silenceAfterFirstFrame) {
        reply = new AgentReply(agent, silenceAfterFirstFrame);
        return this;
    }

    public BedrockFake replySilence() {
        reply = new SilentReply();
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        if (received.isEmpty()) {
            throw new AssertionError("the fake Bedrock endpoint got no request");
        }
        return received.getLast();
    }

    private void respond(Request request, Response response, Callback callback) throws IOException, InterruptedException {
        String path = request.getHttpURI().getPath();
        byte[] body = Request.asInputStream(request).readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach(f -> headers.put(f.getLowerCaseName(), f.getValue()));
        String[] parts = path.split("/");
        String modelId = parts.length > 2 ? URLDecoder.decode(parts[2], StandardCharsets.UTF_8) : null;
        received.add(new Received(path, modelId, headers,
                body.length == 0 ? null : Json.parseOrNull(new String(body, StandardCharsets.UTF_8))));
        response.getHeaders().put("x-amzn-RequestId", REQUEST_ID);
        switch (reply) {
            case JsonReply json -> {
                response.setStatus(json.status());
                response.getHeaders().put("Content-Type", "application/json");
                if (json.errorType() != null) {
                    response.getHeaders().put("x-amzn-ErrorType",
                            json.errorType() + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
                }
                Content.Sink.write(response, true, json.body(), callback);
            }
            case StreamReply stream -> {
                response.setStatus(200);
                response.getHeaders().put("Content-Type", "application/vnd.amazon.eventstream");
                for (Frame frame : stream.frames()) {
                    byte[] bytes = frame.encode();
                    int half = bytes.length / 2;
                    write(response, ByteBuffer.wrap(bytes, 0, half));
                    write(response, ByteBuffer.wrap(bytes, half, bytes.length - half));
                }
                if (stream.hangAfter()) {
                    closing.await(30, TimeUnit.SECONDS);
                }
                response.write(true, ByteBuffer.allocate(0), callback);
            }
            case AgentReply agent -> {
                response.setStatus(200);
                response.getHeaders().put("Content-Type", "application/vnd.amazon.eventstream");
                List<Frame> frames = agent.agent().apply(received.getLast().body());
                for (int i = 0; i < frames.size(); i++) {
                    if (i == 1 && !agent.silence().isZero()) {
                        Thread.sleep(agent.silence());
                    }
                    write(response, ByteBuffer.wrap(frames.get(i).encode()));
                }
                response.write(true, ByteBuffer.allocate(0), callback);
            }
            case SilentReply silence -> {
                closing.await(30, TimeUnit.SECONDS);
                callback.failed(new IOException("fake closed"));
            }
        }
    }

    private static void write(Response response, ByteBuffer bytes) throws IOException {
        try (var blocker = org.eclipse.jetty.util.Blocker.callback()) {
            response.write(false, bytes, blocker);
            blocker.block();
        }
    }

    /** Frames from a fixture: one JSON object per line, {@code {"event": type, "data": {...}}} or {@code {"exception": ...}}. */
    public static List<Frame> frames(String fixture) {
        List<Frame> frames = new ArrayList<>();
        for (String line : fixture.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            JsonNode node = Json.parseOrNull(line);
            if (node == null) {
                throw new AssertionError("fixture line is not JSON: " + line);
            }
            String data = node.path("data").toString();
            frames.add(node.has("exception") ? Frame.exception(node.path("exception").asText(), data)
                    : Frame.event(node.path("event").asText(), data));
        }
        return frames;
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
