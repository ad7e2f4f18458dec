package dev.ccbridge.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * A provider over real HTTP that answers every POST with what a script computes from the request
 * (see {@link FakeAgent}): SSE chunks written one by one, or a whole answer with a status and
 * headers (an error in the provider's own format). It records every body it got.
 */
public final class FakeProvider implements AutoCloseable {
    private static final String INVALID_KEY = """
            {"error":{"message":"Incorrect API key provided. You can find your API key at \
            https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,\
            "code":"invalid_api_key"}}""";
    /**
     * One answer.
     *
     * @param chunks written one by one (for an event stream), or the whole body
     */
    public record Reply(int status, String contentType, Map<String, String> headers, List<String> chunks) {
        public static Reply stream(List<String> chunks) {
            return new Reply(200, "text/event-stream", Map.of(), chunks);
        }

        public static Reply json(int status, String body) {
            return json(status, body, Map.of());
        }

        public static Reply json(int status, String body, Map<String, String> headers) {
            return new Reply(status, "application/json", headers, List.of(body));
        }
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile Duration silence = Duration.ZERO;
    private volatile String requiredKey;

    /** Answers every POST with the SSE chunks {@code answer} makes of its body. */
    public FakeProvider(Function<JsonNode, List<String>> answer) {
        this((path, body) -> Reply.stream(answer.apply(body)));
    }

    /** Answers every POST with what {@code reply} makes of its path and body. */
    public FakeProvider(BiFunction<String, JsonNode, Reply> reply) {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract(Invocable.InvocationType.BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                JsonNode body = Json.WIRE.readTree(Request.asInputStream(request));
                requests.add(body);
                String key = requiredKey;
                if (key != null && !("Bearer " + key).equals(request.getHeaders().get("Authorization"))) {
                    // As OpenAI answers a missing or wrong key.
                    response.setStatus(401);
                    response.getHeaders().put("Content-Type", "application/json");
                    response.write(true, ByteBuffer.wrap(INVALID_KEY.getBytes(StandardCharsets.UTF_8)),
                            callback);
                    return true;
                }
                Reply answer = reply.apply(request.getHttpURI().getPath(), body);
                response.setStatus(answer.status());
                response.getHeaders().put("Content-Type", answer.contentType());
                answer.headers().forEach(response.getHeaders()::put);
                List<String> chunks = answer.chunks();
                for (int i = 0; i < chunks.size(); i++) {
                    if (i == 1 && !silence.isZero()) {
                        Thread.sleep(silence); // a model thinking in silence after its first words
                    }
                    try (Blocker.Callback written = Blocker.callback()) {
                        response.write(false, ByteBuffer.wrap(chunks.get(i).getBytes(StandardCharsets.UTF_8)), written);
                        written.block();
                    }
                }
                callback.succeeded();
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** From now on, requests without {@code Authorization: Bearer <key>} get OpenAI's 401 answer. */
    public FakeProvider requiringKey(String key) {
        this.requiredKey = key;
        return this;
    }

    /** From now on, every answer pauses this long after its first chunk. */
    public FakeProvider silenceAfterFirstChunk(Duration pause) {
        this.silence = pause;
        return this;
    }

    /** The base URL with {@code /v1}, as a Chat or Responses target would name it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/v1";
    }

    /** The base URL without a version, as an Anthropic target would name it. */
    public String rootUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
