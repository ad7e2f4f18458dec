package dev.ccbridge.fake.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.fake.Jsons;
import dev.ccbridge.fake.Received;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.Voice;
import dev.ccbridge.fake.agent.Conversation;
import dev.ccbridge.fake.agent.Turn;
import java.util.ArrayList;
import java.util.List;

/**
 * The Bedrock runtime's Converse ({@code POST /model/{modelId}/converse}) and ConverseStream
 * ({@code /converse-stream}, answered in {@code application/vnd.amazon.eventstream} frames).
 */
public final class ConverseWire implements Wire {
    public static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

    @Override
    public boolean asksForAnswer(Received request) {
        return request.method().equals("POST") && request.path().startsWith("/model/")
                && (request.path().endsWith("/converse") || request.path().endsWith("/converse-stream"));
    }

    @Override
    public Conversation read(Received request) {
        JsonNode body = request.json();
        List<String> tools = History.toolNames(body.path("toolConfig").path("tools"), "toolSpec", "name");
        JsonNode messages = body.path("messages");
        int assistants = 0;
        for (JsonNode message : messages) {
            if (message.path("role").asText().equals("assistant")) {
                assistants++;
            }
        }
        String toolResult = null;
        var text = new StringBuilder();
        if (!messages.isEmpty()) {
            for (JsonNode block : messages.get(messages.size() - 1).path("content")) {
                if (block.has("toolResult")) {
                    toolResult = Jsons.text(block.path("toolResult").path("content"));
                } else if (block.has("text")) {
                    text.append(block.path("text").asText());
                }
            }
        }
        boolean stream = request.path().endsWith("/converse-stream");
        return new Conversation(request.segment(1), stream, tools, toolResult == null ? text.toString() : "",
                toolResult, assistants);
    }

    @Override
    public Reply write(Turn turn, Conversation conversation, Voice voice, Received request) {
        String stop = turn.callsTools() ? "tool_use" : "end_turn";
        if (!conversation.stream()) {
            ObjectNode answer = Jsons.object();
            ObjectNode message = answer.putObject("output").putObject("message").put("role", "assistant");
            ArrayNode content = message.putArray("content");
            if (turn.reasoning() != null) {
                content.addObject().putObject("reasoningContent").putObject("reasoningText")
                        .put("text", turn.reasoning()).put("signature", voice.signer().sign(turn.reasoning()));
            }
            if (!turn.text().isEmpty()) {
                content.addObject().put("text", turn.text());
            }
            for (int i = 0; i < turn.calls().size(); i++) {
                Turn.ToolCall call = turn.calls().get(i);
                content.addObject().putObject("toolUse").put("toolUseId", voice.callId(conversation, turn, i))
                        .put("name", call.name()).set("input", Jsons.parseOrNull(call.arguments()));
            }
            answer.put("stopReason", stop);
            answer.set("usage", usage(turn));
            answer.putObject("metrics").put("latencyMs", 100);
            return Reply.json(200, Jsons.write(answer));
        }
        List<EventStreamFrame> frames = new ArrayList<>();
        frames.add(EventStreamFrame.event("messageStart", Jsons.object().put("role", "assistant")));
        int index = 0;
        if (turn.reasoning() != null) {
            for (String part : Sse.halves(turn.reasoning())) {
                frames.add(delta(index, Jsons.object().set("reasoningContent", Jsons.object().put("text", part))));
            }
            frames.add(delta(index, Jsons.object().set("reasoningContent",
                    Jsons.object().put("signature", voice.signer().sign(turn.reasoning())))));
            frames.add(EventStreamFrame.event("contentBlockStop", Jsons.object().put("contentBlockIndex", index++)));
        }
        if (!turn.text().isEmpty()) {
            for (String part : Sse.halves(turn.text())) {
                frames.add(delta(index, Jsons.object().put("text", part)));
            }
            frames.add(EventStreamFrame.event("contentBlockStop", Jsons.object().put("contentBlockIndex", index++)));
        }
        for (int i = 0; i < turn.calls().size(); i++) {
            ObjectNode start = Jsons.object().put("contentBlockIndex", index);
            start.putObject("start").putObject("toolUse").put("toolUseId", voice.callId(conversation, turn, i))
                    .put("name", turn.calls().get(i).name());
            frames.add(EventStreamFrame.event("contentBlockStart", start));
            for (String part : Sse.halves(turn.calls().get(i).arguments())) {
                frames.add(delta(index, Jsons.object().set("toolUse", Jsons.object().put("input", part))));
            }
            frames.add(EventStreamFrame.event("contentBlockStop", Jsons.object().put("contentBlockIndex", index++)));
        }
        frames.add(EventStreamFrame.event("messageStop", Jsons.object().put("stopReason", stop)));
        ObjectNode metadata = Jsons.object();
        metadata.set("usage", usage(turn));
        metadata.putObject("metrics").put("latencyMs", 100);
        frames.add(EventStreamFrame.event("metadata", metadata));
        return Reply.stream(EVENT_STREAM, frames.stream().map(EventStreamFrame::encode).toList());
    }

    private static EventStreamFrame delta(int index, ObjectNode delta) {
        ObjectNode frame = Jsons.object().put("contentBlockIndex", index);
        frame.set("delta", delta);
        return EventStreamFrame.event("contentBlockDelta", frame);
    }

    private static ObjectNode usage(Turn turn) {
        return Jsons.object().put("inputTokens", turn.inputTokens()).put("outputTokens", turn.outputTokens())
                .put("totalTokens", turn.inputTokens() + turn.outputTokens());
    }
}
