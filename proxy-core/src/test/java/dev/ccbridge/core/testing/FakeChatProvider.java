package dev.ccbridge.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * A Chat Completions provider that behaves like a tiny agent, for driving the real Claude Code
 * CLI: asked to run "the marker command" with tools on offer, it calls Bash; given the tool's
 * result, it reports it; anything else gets "OK". It streams like OpenAI (role chunk, split
 * tool arguments, finish reason, usage chunk, [DONE]) and records every request body.
 */
public final class FakeChatProvider implements AutoCloseable {
    public static final String MARKER_COMMAND = "echo ccbridge-tool-ok";

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    public FakeChatProvider() {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract(Invocable.InvocationType.BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                JsonNode body = Json.WIRE.readTree(Request.asInputStream(request));
                requests.add(body);
                response.setStatus(200);
                response.getHeaders().put("Content-Type", "text/event-stream");
                for (String chunk : answer(body)) {
                    try (Blocker.Callback written = Blocker.callback()) {
                        response.write(false, ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8)), written);
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

    public String baseUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/v1";
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    static List<String> answer(JsonNode body) {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        List<String> chunks = new ArrayList<>();
        if ("tool".equals(last.path("role").asText())) {
            chunks.add(delta(Json.object().put("role", "assistant").put("content", "The tool said: ")));
            chunks.add(delta(Json.object().put("content", last.path("content").asText().strip())));
            chunks.add(finish("stop"));
        } else if (body.path("tools").size() > 0 && last.toString().contains("marker command")) {
            String arguments = Json.write(Json.object().put("command", MARKER_COMMAND).put("description", "Print the marker"));
            chunks.add(delta(Json.object().put("role", "assistant").put("content", "Running it.")));
            chunks.add(delta(toolCall(true, arguments.substring(0, 12))));
            chunks.add(delta(toolCall(false, arguments.substring(12))));
            chunks.add(finish("tool_calls"));
        } else {
            chunks.add(delta(Json.object().put("role", "assistant").put("content", "OK")));
            chunks.add(finish("stop"));
        }
        chunks.add("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":20}}\n\n");
        chunks.add("data: [DONE]\n\n");
        return chunks;
    }

    private static ObjectNode toolCall(boolean first, String arguments) {
        ObjectNode call = Json.object().put("index", 0);
        ObjectNode function = call.putObject("function").put("arguments", arguments);
        if (first) {
            call.put("id", "call_marker_1").put("type", "function");
            function.put("name", "Bash");
        }
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").add(call);
        return delta;
    }

    private static String delta(ObjectNode delta) {
        ObjectNode chunk = Json.object();
        chunk.putArray("choices").addObject().put("index", 0).set("delta", delta);
        return "data: " + Json.write(chunk) + "\n\n";
    }

    private static String finish(String reason) {
        ObjectNode chunk = Json.object();
        chunk.putArray("choices").addObject().put("index", 0).put("finish_reason", reason).putObject("delta");
        return "data: " + Json.write(chunk) + "\n\n";
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
