package dev.ccbridge.fake.agent;

import java.util.List;

/**
 * What an agent needs to know of a request, whatever protocol it came in.
 *
 * @param tools          the names of the tools on offer
 * @param userText       the text of the last user turn, when that turn is the user writing
 * @param toolResult     the text of the last tool result, when the last turn returns one (else null)
 * @param assistantTurns how many assistant turns the history holds (numbers the tool calls)
 */
public record Conversation(String model, boolean stream, List<String> tools, String userText, String toolResult,
                           int assistantTurns) {
    public Conversation {
        tools = List.copyOf(tools);
        userText = userText == null ? "" : userText;
    }

    public boolean offers(String tool) {
        return tools.contains(tool);
    }

    public boolean returnsToolResult() {
        return toolResult != null;
    }
}
