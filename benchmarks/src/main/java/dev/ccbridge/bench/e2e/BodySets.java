package dev.ccbridge.bench.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.bench.BenchTargets;
import dev.ccbridge.bench.RecordedBodies;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.http.ChatCompletionsDialect;
import dev.ccbridge.core.upstream.Call;
import dev.ccbridge.core.upstream.ClientRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies each contender gets, written once per run: the recorded Claude Code request for the
 * Anthropic front ends, and for calling the provider directly the very Chat Completions request
 * ccbridge makes of it (so "direct" is what a client speaking Chat would send, at the same size).
 * Each in a streaming and a non-streaming variant: {@code <body>-stream.json}, {@code <body>-json.json}.
 */
final class BodySets {
    private BodySets() {}

    static Path anthropic(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (RecordedBodies body : RecordedBodies.values()) {
            for (boolean stream : new boolean[] {false, true}) {
                Files.write(file(dir, body, stream), body.bytes(stream));
            }
        }
        return dir;
    }

    static Path file(Path dir, RecordedBodies body, boolean stream) {
        return dir.resolve(body.id() + "-" + (stream ? "stream" : "json") + ".json");
    }

    static Path chat(Path dir, String baseUrl) throws IOException {
        Files.createDirectories(dir);
        Target target = BenchTargets.target(ApiMode.CHAT_COMPLETIONS, baseUrl);
        for (RecordedBodies body : RecordedBodies.values()) {
            byte[] anthropic = body.bytes();
            MessagesRequest request = Json.WIRE.readValue(anthropic, MessagesRequest.class);
            var call = new Call(new ClientRequest("req_bench", request, anthropic, Map.of(), 1, "msg"), target,
                    BenchTargets.model(target), Optional.empty(), new Cancellation());
            byte[] chat = new ChatCompletionsDialect().prepare(call).call().bodyBytes();
            for (boolean stream : new boolean[] {false, true}) {
                ObjectNode node = (ObjectNode) Json.WIRE.readTree(chat);
                node.put("stream", stream);
                if (!stream) {
                    node.remove("stream_options");
                }
                Files.writeString(file(dir, body, stream), Json.write(node));
            }
        }
        return dir;
    }

}
