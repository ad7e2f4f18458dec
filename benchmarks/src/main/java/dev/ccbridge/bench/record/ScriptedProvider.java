package dev.ccbridge.bench.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.bench.LoopbackServer;
import dev.ccbridge.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * A Chat Completions provider that plays {@link AgentScript}: each main-loop request (one that
 * offers tools) gets the script's next turn, counted by the tool turns already in its history,
 * streamed as a provider streams it (text, then each tool call's name and its arguments in
 * pieces, each chunk written and flushed on its own). Requests without tools (Claude Code's
 * background calls) get a short text. Bound to 127.0.0.1.
 */
final class ScriptedProvider implements AutoCloseable {
    private final AgentScript script;
    private final LoopbackServer server;
    private final AtomicInteger calls = new AtomicInteger();

    ScriptedProvider(AgentScript script) {
        this.script = script;
        server = new LoopbackServer("scripted-provider", 0, this::answer);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    private void answer(Request request, Response response) throws Exception {
        JsonNode body = Json.WIRE.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
        AgentScript.Turn turn = body.path("tools").isEmpty()
                ? new AgentScript.Turn("Reading project files", List.of())
                : script.turn(toolTurns(body.path("messages")));
        List<String> chunks = chunks(turn, body.path("messages").toString().length() / 4);
        if (!body.path("stream").asBoolean()) {
            send(response, 200, "application/json", completion(turn));
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        for (int i = 0; i < chunks.size(); i++) {
            LoopbackServer.write(response, i == chunks.size() - 1,
                    ("data: " + chunks.get(i) + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Assistant turns in the history that called tools: how far the script has got. */
    private static int toolTurns(JsonNode messages) {
        int turns = 0;
        for (JsonNode message : messages) {
            if (message.path("role").asText().equals("assistant") && !message.path("tool_calls").isEmpty()) {
                turns++;
            }
        }
        return turns;
    }

    private List<String> chunks(AgentScript.Turn turn, int promptTokens) {
        String id = "chatcmpl-rec" + calls.incrementAndGet();
        List<String> chunks = new ArrayList<>();
        chunks.add(chunk(id, delta().put("role", "assistant").put("content", ""), null));
        for (String word : words(turn.text())) {
            chunks.add(chunk(id, delta().put("content", word), null));
        }
        for (int i = 0; i < turn.calls().size(); i++) {
            AgentScript.Call call = turn.calls().get(i);
            ObjectNode opening = delta();
            opening.putArray("tool_calls").addObject().put("index", i).put("id", "call_" + id + "_" + i)
                    .put("type", "function").putObject("function").put("name", call.name()).put("arguments", "");
            chunks.add(chunk(id, opening, null));
            String arguments = call.arguments();
            for (int at = 0; at < arguments.length(); at += 24) {
                ObjectNode piece = delta();
                piece.putArray("tool_calls").addObject().put("index", i).putObject("function")
                        .put("arguments", arguments.substring(at, Math.min(arguments.length(), at + 24)));
                chunks.add(chunk(id, piece, null));
            }
        }
        chunks.add(chunk(id, delta(), turn.calls().isEmpty() ? "stop" : "tool_calls"));
        ObjectNode usage = Json.object().put("id", id).put("object", "chat.completion.chunk").put("model", "gpt-4.1");
        usage.putArray("choices");
        usage.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", 60)
                .put("total_tokens", promptTokens + 60);
        chunks.add(Json.write(usage));
        chunks.add("[DONE]");
        return chunks;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split("(?<= )")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static ObjectNode delta() {
        return Json.object();
    }

    private static String chunk(String id, ObjectNode delta, String finishReason) {
        ObjectNode chunk = Json.object().put("id", id).put("object", "chat.completion.chunk").put("created", 1767225600)
                .put("model", "gpt-4.1");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return Json.write(chunk);
    }

    private static byte[] completion(AgentScript.Turn turn) {
        ObjectNode root = Json.object().put("id", "chatcmpl-rec").put("object", "chat.completion").put("model", "gpt-4.1");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0)
                .put("finish_reason", turn.calls().isEmpty() ? "stop" : "tool_calls");
        ObjectNode message = choice.putObject("message").put("role", "assistant").put("content", turn.text());
        if (!turn.calls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (int i = 0; i < turn.calls().size(); i++) {
                calls.addObject().put("id", "call_json_" + i).put("type", "function").putObject("function")
                        .put("name", turn.calls().get(i).name()).put("arguments", turn.calls().get(i).arguments());
            }
        }
        root.putObject("usage").put("prompt_tokens", 1000).put("completion_tokens", 60).put("total_tokens", 1060);
        return Json.bytes(root);
    }

    private static void send(Response response, int status, String type, byte[] bytes) throws Exception {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        LoopbackServer.write(response, true, bytes);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
