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

/** OpenAI Chat Completions ({@code POST .../chat/completions}) and its compatible servers. */
public final class ChatWire implements Wire {
    @Override
    public boolean asksForAnswer(Received request) {
        return request.method().equals("POST") && request.path().endsWith("/chat/completions");
    }

    @Override
    public Conversation read(Received request) {
        JsonNode body = request.json();
        History history = History.of(body.path("messages"));
        JsonNode last = history.last();
        boolean tool = last != null && last.path("role").asText().equals("tool");
        String text = last == null ? "" : Jsons.text(last.path("content"));
        return new Conversation(body.path("model").asText(), body.path("stream").asBoolean(false),
                History.toolNames(body.path("tools"), "function", "name"), tool ? "" : text, tool ? text : null,
                history.assistantTurns());
    }

    /** What a thought signature (Gemini) is made of: opaque state, here the thought of calling this tool. */
    public static String thoughtSignatureContent(String toolName) {
        return "thought-for:" + toolName;
    }

    /** The details a reasoning answer carries (OpenRouter): its text, signed, and one encrypted item per call. */
    public static ArrayNode reasoningDetails(Turn turn, Conversation conversation, Voice voice) {
        ArrayNode details = Jsons.array();
        if (turn.reasoning() != null) {
            details.addObject().put("type", "reasoning.text").put("text", turn.reasoning())
                    .put("signature", voice.signer().sign(turn.reasoning())).put("format", "google-gemini-v1")
                    .put("index", 0);
        }
        for (int i = 0; i < turn.calls().size(); i++) {
            details.addObject().put("type", "reasoning.encrypted").put("id", voice.callId(conversation, turn, i))
                    .put("data", voice.signer().sign(thoughtSignatureContent(turn.calls().get(i).name())))
                    .put("format", "google-gemini-v1")
                    .put("index", details.size());
        }
        return details;
    }

    @Override
    public Reply write(Turn turn, Conversation conversation, Voice voice, Received request) {
        if (!conversation.stream()) {
            return Reply.json(200, Jsons.write(completion(turn, conversation, voice)));
        }
        List<String> chunks = new ArrayList<>();
        chunks.add(chunk(conversation, Jsons.object().put("role", "assistant").put("content", "")));
        if (turn.reasoning() != null) {
            for (String part : Sse.halves(turn.reasoning())) {
                ObjectNode delta = Jsons.object();
                switch (voice.reasoning()) {
                    case REASONING_CONTENT -> delta.put("reasoning_content", part);
                    case REASONING -> delta.put("reasoning", part);
                    case REASONING_DETAILS -> {
                        delta.put("reasoning", part);
                        delta.putArray("reasoning_details").addObject().put("type", "reasoning.text").put("text", part)
                                .put("format", "google-gemini-v1").put("index", 0);
                    }
                    case NONE, THOUGHT_SIGNATURES -> { }
                }
                if (!delta.isEmpty()) {
                    chunks.add(chunk(conversation, delta));
                }
            }
            if (voice.reasoning() == Voice.ChatReasoning.REASONING_DETAILS) {
                // The signature closes the text detail; the calls' encrypted details follow.
                ArrayNode details = reasoningDetails(turn, conversation, voice);
                ObjectNode closing = details.get(0).deepCopy();
                closing.put("text", "");
                ArrayNode rest = Jsons.array().add(closing);
                for (int i = 1; i < details.size(); i++) {
                    rest.add(details.get(i));
                }
                chunks.add(chunk(conversation, Jsons.object().set("reasoning_details", rest)));
            }
        }
        if (!turn.text().isEmpty()) {
            for (String part : Sse.halves(turn.text())) {
                chunks.add(chunk(conversation, Jsons.object().put("content", part)));
            }
        }
        for (int i = 0; i < turn.calls().size(); i++) {
            Turn.ToolCall call = turn.calls().get(i);
            boolean whole = voice.has(Voice.ChatQuirk.WHOLE_ARGUMENTS);
            String[] arguments = whole ? new String[] {call.arguments(), ""} : Sse.halves(call.arguments());
            ObjectNode first = Jsons.object().put("index", i).put("id", voice.callId(conversation, turn, i))
                    .put("type", "function");
            first.putObject("function").put("name", call.name()).put("arguments", arguments[0]);
            if (i == 0 && voice.reasoning() == Voice.ChatReasoning.THOUGHT_SIGNATURES) {
                first.putObject("extra_content").putObject("google").put("thought_signature",
                        voice.signer().sign(thoughtSignatureContent(call.name())));
            }
            chunks.add(chunk(conversation, Jsons.object().set("tool_calls", Jsons.array().add(first))));
            if (!whole) {
                ObjectNode rest = Jsons.object().put("index", i);
                rest.putObject("function").put("arguments", arguments[1]);
                chunks.add(chunk(conversation, Jsons.object().set("tool_calls", Jsons.array().add(rest))));
            }
        }
        boolean saysToolCalls = turn.callsTools() && !voice.has(Voice.ChatQuirk.STOP_AFTER_TOOLS);
        ObjectNode finish = base(conversation);
        finish.putArray("choices").addObject().put("index", 0)
                .put("finish_reason", saysToolCalls ? "tool_calls" : "stop").putObject("delta");
        chunks.add(Sse.data(finish));
        ObjectNode usage = base(conversation);
        usage.putArray("choices");
        usage.set("usage", usage(turn));
        chunks.add(Sse.data(usage));
        chunks.add("data: [DONE]\n\n");
        return Reply.sse(chunks);
    }

    private static ObjectNode base(Conversation conversation) {
        return Jsons.object().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("created", 1_760_000_000L).put("model", conversation.model());
    }

    private static String chunk(Conversation conversation, ObjectNode delta) {
        ObjectNode chunk = base(conversation);
        chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason").set("delta", delta);
        return Sse.data(chunk);
    }

    private static ObjectNode usage(Turn turn) {
        return Jsons.object().put("prompt_tokens", turn.inputTokens()).put("completion_tokens", turn.outputTokens())
                .put("total_tokens", turn.inputTokens() + turn.outputTokens());
    }

    private static ObjectNode completion(Turn turn, Conversation conversation, Voice voice) {
        ObjectNode message = Jsons.object().put("role", "assistant");
        if (turn.text().isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", turn.text());
        }
        if (turn.reasoning() != null) {
            switch (voice.reasoning()) {
                case REASONING_CONTENT -> message.put("reasoning_content", turn.reasoning());
                case REASONING -> message.put("reasoning", turn.reasoning());
                case REASONING_DETAILS -> message.put("reasoning", turn.reasoning())
                        .set("reasoning_details", reasoningDetails(turn, conversation, voice));
                case NONE, THOUGHT_SIGNATURES -> { }
            }
        }
        if (turn.callsTools()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (int i = 0; i < turn.calls().size(); i++) {
                ObjectNode call = calls.addObject().put("id", voice.callId(conversation, turn, i))
                        .put("type", "function");
                call.putObject("function").put("name", turn.calls().get(i).name())
                        .put("arguments", turn.calls().get(i).arguments());
                if (i == 0 && voice.reasoning() == Voice.ChatReasoning.THOUGHT_SIGNATURES) {
                    call.putObject("extra_content").putObject("google").put("thought_signature",
                            voice.signer().sign(thoughtSignatureContent(turn.calls().get(i).name())));
                }
            }
        }
        ObjectNode completion = Jsons.object().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", 1_760_000_000L).put("model", conversation.model());
        completion.putArray("choices").addObject().put("index", 0)
                .put("finish_reason", turn.callsTools() ? "tool_calls" : "stop").set("message", message);
        completion.set("usage", usage(turn));
        return completion;
    }
}
