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
 * OpenAI Responses ({@code POST .../responses}). Reasoning comes as a {@code reasoning} item with a
 * summary; its {@code encrypted_content} (what a {@code store:false} caller must send back) only
 * when the request's {@code include} asks for {@code reasoning.encrypted_content}.
 */
public final class ResponsesWire implements Wire {
    public static final String ENCRYPTED_INCLUDE = "reasoning.encrypted_content";

    @Override
    public boolean asksForAnswer(Received request) {
        return request.method().equals("POST") && request.path().endsWith("/responses");
    }

    @Override
    public Conversation read(Received request) {
        JsonNode body = request.json();
        List<String> tools = History.toolNames(body.path("tools"), "name");
        JsonNode input = body.path("input");
        int assistants = 0;
        JsonNode last = null;
        for (JsonNode item : input) {
            String type = item.path("type").asText("message");
            boolean assistantMessage = type.equals("message") && item.path("role").asText().equals("assistant");
            if (type.equals("function_call") || assistantMessage) {
                assistants++;
            }
            if (!(type.equals("message") && item.path("role").asText().matches("system|developer"))) {
                last = item;
            }
        }
        if (input.isTextual()) {
            return new Conversation(body.path("model").asText(), body.path("stream").asBoolean(false), tools,
                    input.asText(), null, 0);
        }
        boolean tool = last != null && last.path("type").asText().equals("function_call_output");
        String text = last == null ? "" : tool ? Jsons.text(last.path("output")) : Jsons.text(last.path("content"));
        return new Conversation(body.path("model").asText(), body.path("stream").asBoolean(false), tools,
                tool ? "" : text, tool ? text : null, assistants);
    }

    /** The id of this answer's reasoning item. */
    public static String reasoningId(Conversation conversation) {
        return "rs_" + conversation.assistantTurns() + "fake";
    }

    /** The id of this answer's {@code call}-th function call item. */
    public static String functionCallId(Conversation conversation, int call) {
        return "fc_" + conversation.assistantTurns() + "_" + call + "fake";
    }

    /** What an item's encrypted reasoning is bound to: OpenAI's checks it against its item id. */
    public static String encryptedFor(String itemId) {
        return "reasoning:" + itemId;
    }

    @Override
    public Reply write(Turn turn, Conversation conversation, Voice voice, Received request) {
        boolean encrypted = request.json().path("include").toString().contains(ENCRYPTED_INCLUDE);
        List<ObjectNode> items = new ArrayList<>();
        if (turn.reasoning() != null) {
            String id = reasoningId(conversation);
            ObjectNode reasoning = Jsons.object().put("id", id).put("type", "reasoning");
            reasoning.putArray("summary").addObject().put("type", "summary_text").put("text", turn.reasoning());
            if (encrypted) {
                reasoning.put("encrypted_content", voice.signer().sign(encryptedFor(id)));
            }
            items.add(reasoning);
        }
        if (!turn.text().isEmpty()) {
            ObjectNode message = Jsons.object().put("id", "msg_" + conversation.assistantTurns() + "fake")
                    .put("type", "message").put("role", "assistant").put("status", "completed");
            message.putArray("content").addObject().put("type", "output_text").put("text", turn.text())
                    .putArray("annotations");
            items.add(message);
        }
        for (int i = 0; i < turn.calls().size(); i++) {
            items.add(Jsons.object().put("id", functionCallId(conversation, i)).put("type", "function_call")
                    .put("status", "completed").put("call_id", voice.callId(conversation, turn, i))
                    .put("name", turn.calls().get(i).name()).put("arguments", turn.calls().get(i).arguments()));
        }
        ObjectNode response = response(conversation, "completed");
        ArrayNode output = response.putArray("output");
        items.forEach(output::add);
        response.putObject("usage").put("input_tokens", turn.inputTokens()).put("output_tokens", turn.outputTokens())
                .put("total_tokens", turn.inputTokens() + turn.outputTokens())
                .set("input_tokens_details", Jsons.object().put("cached_tokens", 0));
        if (!conversation.stream()) {
            return Reply.json(200, Jsons.write(response));
        }
        var events = new Events();
        events.add("response.created", Jsons.object().set("response", response(conversation, "in_progress")));
        for (int index = 0; index < items.size(); index++) {
            ObjectNode item = items.get(index);
            String id = item.path("id").asText();
            switch (item.path("type").asText()) {
                case "reasoning" -> {
                    ObjectNode opened = Jsons.object().put("id", id).put("type", "reasoning");
                    opened.putArray("summary");
                    events.add("response.output_item.added", item(index, opened));
                    for (String part : Sse.halves(turn.reasoning())) {
                        events.add("response.reasoning_summary_text.delta", Jsons.object().put("item_id", id)
                                .put("output_index", index).put("summary_index", 0).put("delta", part));
                    }
                }
                case "message" -> {
                    ObjectNode opened = item.deepCopy().put("status", "in_progress");
                    opened.putArray("content");
                    events.add("response.output_item.added", item(index, opened));
                    for (String part : Sse.halves(turn.text())) {
                        events.add("response.output_text.delta", Jsons.object().put("item_id", id)
                                .put("output_index", index).put("content_index", 0).put("delta", part));
                    }
                }
                default -> {
                    events.add("response.output_item.added", Jsons.object().put("output_index", index)
                            .set("item", item.deepCopy().put("arguments", "").put("status", "in_progress")));
                    for (String part : Sse.halves(item.path("arguments").asText())) {
                        events.add("response.function_call_arguments.delta", Jsons.object().put("item_id", id)
                                .put("output_index", index).put("delta", part));
                    }
                }
            }
            events.add("response.output_item.done", Jsons.object().put("output_index", index).set("item", item));
        }
        events.add("response.completed", Jsons.object().set("response", response));
        return Reply.sse(events.frames);
    }

    private static ObjectNode item(int index, ObjectNode item) {
        ObjectNode event = Jsons.object().put("output_index", index);
        event.set("item", item);
        return event;
    }

    private static ObjectNode response(Conversation conversation, String status) {
        ObjectNode response = Jsons.object().put("id", "resp_" + conversation.assistantTurns() + "fake")
                .put("object", "response").put("status", status).put("model", conversation.model());
        response.putArray("output");
        return response;
    }

    /** Events in order, each with its {@code sequence_number}. */
    private static final class Events {
        final List<String> frames = new ArrayList<>();

        void add(String type, ObjectNode data) {
            ObjectNode event = Jsons.object().put("type", type).put("sequence_number", frames.size());
            event.setAll(data);
            frames.add(Sse.typed(event));
        }
    }
}
