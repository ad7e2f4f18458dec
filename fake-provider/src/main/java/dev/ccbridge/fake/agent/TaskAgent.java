package dev.ccbridge.fake.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.fake.Jsons;
import java.util.List;

/**
 * A model that does one task with one tool: asked for the task (its trigger words in the last
 * user turn, the tool on offer), it thinks and calls the tool; given the tool's result, it reports
 * it ("The tool said: ..."); anything else gets "OK".
 */
public final class TaskAgent implements Agent {
    /** What Claude Code is asked to do in the end-to-end tests. */
    public static final String MARKER_COMMAND = "echo ccbridge-tool-ok";
    public static final String MARKER_PROMPT = "Please run the marker command with Bash";
    /** For Claude Code: asked to run "the marker command", it runs {@link #MARKER_COMMAND} with Bash. */
    public static final TaskAgent MARKER = new TaskAgent("marker command", "Bash", markerArguments());
    /** For an SDK client: asked about the weather, it calls {@code get_weather}. */
    public static final TaskAgent WEATHER = new TaskAgent("weather", "get_weather", "{\"city\":\"Paris\"}");

    public static final String REASONING = "The user asked for something my tool does; call it.";
    public static final String REPORTING = "The tool has answered; tell the user what it said.";

    private final String trigger;
    private final String tool;
    private final String arguments;

    public TaskAgent(String trigger, String tool, String arguments) {
        this.trigger = trigger;
        this.tool = tool;
        this.arguments = arguments;
    }

    private static String markerArguments() {
        ObjectNode args = Jsons.object().put("command", MARKER_COMMAND).put("description", "Print the marker");
        return Jsons.write(args);
    }

    public static String report(String toolResult) {
        return "The tool said: " + toolResult.strip();
    }

    public String tool() {
        return tool;
    }

    public String arguments() {
        return arguments;
    }

    @Override
    public Turn next(Conversation conversation) {
        if (conversation.returnsToolResult()) {
            return new Turn(REPORTING, report(conversation.toolResult()), List.of(), 1000, 20);
        }
        if (conversation.offers(tool) && conversation.userText().contains(trigger)) {
            return new Turn(REASONING, "", List.of(new Turn.ToolCall(tool, arguments)), 1000, 20);
        }
        return Turn.text("OK");
    }
}
