package dev.ccbridge.core.translate.chat;

import dev.ccbridge.core.protocol.openai.chat.ChatMessage;
import dev.ccbridge.core.protocol.openai.chat.ChatToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chat servers insist that every assistant {@code tool_calls} message is followed by one
 * {@code tool} message per call, and that no {@code tool} message stands anywhere else. Claude
 * Code's history does not always oblige: a call the user interrupted has no result, and parallel
 * results come back in completion order. This puts results in call order, answers unanswered
 * calls with a short note, and turns stray results into user text.
 */
final class ToolCallPairing {
    static final String NO_RESULT = "(no result: the tool call was interrupted)";

    private ToolCallPairing() {}

    static List<ChatMessage> repair(List<ChatMessage> messages) {
        List<ChatMessage> out = new ArrayList<>(messages.size());
        int i = 0;
        while (i < messages.size()) {
            ChatMessage message = messages.get(i);
            if (message.isTool()) {
                out.add(stray(message));
                i++;
                continue;
            }
            out.add(message);
            i++;
            if (!message.callsTools()) {
                continue;
            }
            Map<String, ChatMessage> results = new LinkedHashMap<>();
            List<ChatMessage> strays = new ArrayList<>();
            while (i < messages.size() && messages.get(i).isTool()) {
                ChatMessage result = messages.get(i++);
                if (isCalled(message, result.toolCallId()) && !results.containsKey(result.toolCallId())) {
                    results.put(result.toolCallId(), result);
                } else {
                    strays.add(result);
                }
            }
            for (ChatToolCall call : message.toolCalls()) {
                ChatMessage result = results.get(call.id());
                out.add(result != null ? result : ChatMessage.tool(call.id(), NO_RESULT));
            }
            strays.forEach(s -> out.add(stray(s)));
        }
        return out;
    }

    private static boolean isCalled(ChatMessage assistant, String id) {
        return assistant.toolCalls().stream().anyMatch(c -> c.id().equals(id));
    }

    private static ChatMessage stray(ChatMessage result) {
        return ChatMessage.user("[result of tool call " + result.toolCallId() + "]\n" + result.content());
    }
}
