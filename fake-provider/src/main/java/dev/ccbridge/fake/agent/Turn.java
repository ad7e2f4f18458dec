package dev.ccbridge.fake.agent;

import java.util.List;

/**
 * One answer of the model: its reasoning (null when it does not show any), its text, the tools it
 * calls and the tokens it reports.
 */
public record Turn(String reasoning, String text, List<ToolCall> calls, int inputTokens, int outputTokens) {
    /** A call of one tool, its arguments as a JSON object's text. */
    public record ToolCall(String name, String arguments) {}

    public Turn {
        calls = List.copyOf(calls);
        text = text == null ? "" : text;
    }

    public static Turn text(String text) {
        return new Turn(null, text, List.of(), 1000, 20);
    }

    public boolean callsTools() {
        return !calls.isEmpty();
    }

    public Turn withUsage(int input, int output) {
        return new Turn(reasoning, text, calls, input, output);
    }
}
