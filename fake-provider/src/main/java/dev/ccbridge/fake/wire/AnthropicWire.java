package dev.ccbridge.fake.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.fake.Jsons;
import dev.ccbridge.fake.Received;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.Voice;
import dev.ccbridge.fake.agent.Conversation;
import dev.ccbridge.fake.agent.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Anthropic Messages ({@code POST /v1/messages}, {@code /v1/messages/count_tokens}), as Anthropic
 * and the gateways that copy it speak it. Thinking is signed by the provider's signer.
 */
public final class AnthropicWire implements Wire {
    @Override
    public boolean asksForAnswer(Received request) {
        return request.method().equals("POST") && request.path().endsWith("/messages");
    }

    @Override
    public Optional<Reply> other(Received request) {
        if (request.method().equals("POST") && request.path().endsWith("/messages/count_tokens")) {
            int tokens = Math.max(1, request.body().length / 4);
            return Optional.of(Reply.json(200, "{\"input_tokens\":" + tokens + "}"));
        }
        return Optional.empty();
    }

    @Override
    public Conversation read(Received request) {
        JsonNode body = request.json();
        History history = History.of(body.path("messages"));
        JsonNode last = history.last();
        String toolResult = null;
        var text = new StringBuilder();
        if (last != null) {
            JsonNode content = last.path("content");
            if (content.isTextual()) {
                text.append(content.asText());
            }
            for (JsonNode block : content) {
                switch (block.path("type").asText()) {
                    case "tool_result" -> toolResult = Jsons.text(block.path("content"));
                    case "text" -> text.append(block.path("text").asText());
                    default -> { }
                }
            }
        }
        return new Conversation(body.path("model").asText(), body.path("stream").asBoolean(false),
                History.toolNames(body.path("tools"), "name"), toolResult == null ? text.toString() : "", toolResult,
                history.assistantTurns());
    }

    @Override
    public Reply write(Turn turn, Conversation conversation, Voice voice, Received request) {
        List<ObjectNode> blocks = blocks(turn, conversation, voice);
        String stop = turn.callsTools() ? "tool_use" : "end_turn";
        ObjectNode message = Jsons.object().put("id", "msg_" + conversation.assistantTurns() + "fake")
                .put("type", "message").put("role", "assistant").put("model", conversation.model());
        if (!conversation.stream()) {
            message.putArray("content").addAll(blocks);
            message.put("stop_reason", stop).putNull("stop_sequence");
            message.set("usage", usage(turn.inputTokens(), turn.outputTokens()));
            return Reply.json(200, Jsons.write(message));
        }
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.set("usage", usage(turn.inputTokens(), 1));
        List<String> events = new ArrayList<>();
        events.add(Sse.typed(Jsons.object().put("type", "message_start").set("message", message)));
        for (int index = 0; index < blocks.size(); index++) {
            events.addAll(streamed(index, blocks.get(index)));
        }
        ObjectNode delta = Jsons.object().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", stop).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", turn.outputTokens());
        events.add(Sse.typed(delta));
        events.add(Sse.typed(Jsons.object().put("type", "message_stop")));
        return Reply.sse(events);
    }

    private static List<ObjectNode> blocks(Turn turn, Conversation conversation, Voice voice) {
        List<ObjectNode> blocks = new ArrayList<>();
        if (turn.reasoning() != null) {
            blocks.add(Jsons.object().put("type", "thinking").put("thinking", turn.reasoning())
                    .put("signature", voice.signer().sign(turn.reasoning())));
        }
        if (!turn.text().isEmpty()) {
            blocks.add(Jsons.object().put("type", "text").put("text", turn.text()));
        }
        for (int i = 0; i < turn.calls().size(); i++) {
            ObjectNode use = Jsons.object().put("type", "tool_use")
                    .put("id", voice.callId(conversation, turn, i))
                    .put("name", turn.calls().get(i).name());
            use.set("input", Jsons.parseOrNull(turn.calls().get(i).arguments()));
            blocks.add(use);
        }
        return blocks;
    }

    private static ObjectNode usage(int input, int output) {
        return Jsons.object().put("input_tokens", input).put("output_tokens", output)
                .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", 0);
    }

    /** A whole block as its stream events: an empty start, its content as deltas, the stop. */
    private static List<String> streamed(int index, ObjectNode block) {
        List<ObjectNode> deltas = new ArrayList<>();
        ObjectNode start = Jsons.object().put("type", block.path("type").asText());
        switch (block.path("type").asText()) {
            case "text" -> {
                start.put("text", "");
                for (String part : Sse.halves(block.path("text").asText())) {
                    deltas.add(Jsons.object().put("type", "text_delta").put("text", part));
                }
            }
            case "thinking" -> {
                start.put("thinking", "");
                for (String part : Sse.halves(block.path("thinking").asText())) {
                    deltas.add(Jsons.object().put("type", "thinking_delta").put("thinking", part));
                }
                deltas.add(Jsons.object().put("type", "signature_delta")
                        .put("signature", block.path("signature").asText()));
            }
            default -> {
                start.put("id", block.path("id").asText()).put("name", block.path("name").asText()).putObject("input");
                for (String part : Sse.halves(Jsons.write(block.path("input")))) {
                    deltas.add(Jsons.object().put("type", "input_json_delta").put("partial_json", part));
                }
            }
        }
        List<String> events = new ArrayList<>();
        events.add(Sse.typed(Jsons.object().put("type", "content_block_start").put("index", index)
                .set("content_block", start)));
        for (ObjectNode delta : deltas) {
            ObjectNode event = Jsons.object().put("type", "content_block_delta").put("index", index);
            event.set("delta", delta);
            events.add(Sse.typed(event));
        }
        events.add(Sse.typed(Jsons.object().put("type", "content_block_stop").put("index", index)));
        return events;
    }

    /** The thinking blocks of an assistant message, for rules that check them. */
    public static List<JsonNode> thinkingBlocks(JsonNode message) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode block : message.path("content")) {
            if (block.path("type").asText().equals("thinking")) {
                found.add(block);
            }
        }
        return found;
    }
}
