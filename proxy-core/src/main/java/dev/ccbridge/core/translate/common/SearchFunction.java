package dev.ccbridge.core.translate.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.Message;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.ServerToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.Tool;
import dev.ccbridge.core.protocol.anthropic.ToolChoice;
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.WebSearchTool;
import dev.ccbridge.core.protocol.anthropic.WebSearchToolResultBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Web search as a function the model calls, for upstreams without search of their own: the
 * request offers a function of the server tool's name in its place ({@link #offer}); once the
 * model has called it and ccbridge has searched, the next request carries the model's turn and
 * the results as an ordinary tool call and its result ({@link #next}).
 */
public final class SearchFunction {
    static final String DESCRIPTION = "Search the web for current information. Returns the title, address and an"
            + " excerpt of each page found. Use one focused query per call; search again with a refined query"
            + " if the results do not answer the question. Cite the pages you use as markdown links.";

    private SearchFunction() {}

    /** The function the model calls to search. */
    public static Tool tool(WebSearchTool search) {
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode query = schema.putObject("properties").putObject("query");
        query.put("type", "string").put("description", "What to search the web for");
        schema.putArray("required").add("query");
        String description = DESCRIPTION + (search.allowedDomains().isEmpty() ? ""
                : " Only pages of these sites are returned: " + String.join(", ", search.allowedDomains()) + ".");
        return new Tool(null, search.name(), description, schema, null, null);
    }

    /** The request with the search function in place of the server tool (a choice of it then names the function). */
    public static MessagesRequest offer(MessagesRequest request, WebSearchTool search) {
        List<Tool> tools = new ArrayList<>();
        for (Tool tool : request.toolsOrEmpty()) {
            tools.add(WebSearchTool.is(tool) ? tool(search) : tool);
        }
        return request.withConversation(request.messages(), tools, request.toolChoice());
    }

    /**
     * The request that continues the answer: the model's turn so far (its searches as calls of the
     * function) and a user turn with their results. A choice that forced a search is relaxed, or
     * the model could only ever search again.
     */
    public static MessagesRequest next(MessagesRequest request, List<ContentBlock> modelTurn, List<ToolResultBlock> results) {
        List<ContentBlock> turn = new ArrayList<>();
        for (ContentBlock block : modelTurn) {
            switch (block) {
                case ServerToolUseBlock call -> turn.add(new ToolUseBlock(call.id(), call.name(), call.input()));
                case WebSearchToolResultBlock ignored -> { } // its text goes back as the call's result
                default -> turn.add(block);
            }
        }
        List<Message> messages = new ArrayList<>(request.messagesOrEmpty());
        messages.add(new Message("assistant", turn));
        messages.add(new Message("user", List.copyOf(results)));
        ToolChoice choice = request.toolChoice();
        boolean forced = choice != null && ("any".equals(choice.type()) || "tool".equals(choice.type()));
        return request.withConversation(messages, request.tools(),
                forced ? new ToolChoice("auto", null, choice.disableParallelToolUse()) : choice);
    }

    /** The result of one search call, as the model reads it. */
    public static ToolResultBlock result(String callId, String text, boolean failed) {
        return new ToolResultBlock(callId, List.of(new TextBlock(text)),
                failed ? Boolean.TRUE : null, null);
    }
}
