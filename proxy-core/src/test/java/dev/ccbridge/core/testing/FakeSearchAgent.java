package dev.ccbridge.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted model that searches the web, speaking Chat Completions (searching through the
 * function ccbridge offers) and Responses (with OpenAI's own search), for driving the real Claude
 * Code CLI and ccbridge's search loop.
 *
 * <p>In Claude Code's main loop, asked a prompt with {@link #PROMPT_MARKER}, it loads WebSearch
 * (ToolSearch), calls it with {@link #QUERY}, and then reports what the search tool said.
 * Offered a search (Claude Code's nested search request), it searches for the query the request
 * names and then answers with the results it got.
 */
public final class FakeSearchAgent {
    public static final String PROMPT_MARKER = "SEARCHTEST";
    public static final String QUERY = "ccbridge fake search query";
    /** What the Responses fake's own search finds. */
    public static final String NATIVE_PAGE_URL = "https://native.example.org/ccbridge";
    public static final String NATIVE_PAGE_TITLE = "Native search page about ccbridge";
    public static final String NATIVE_SUMMARY = "OpenAI's search found the ccbridge page.";

    private FakeSearchAgent() {}

    // ---- Chat Completions --------------------------------------------------------------------

    public static List<String> chat(JsonNode body) {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        List<String> tools = new ArrayList<>();
        body.path("tools").forEach(tool -> tools.add(tool.path("function").path("name").asText()));
        String conversation = messages.toString();
        List<String> chunks = new ArrayList<>();
        if (tools.contains("web_search")) {
            if ("tool".equals(last.path("role").asText())) {
                chunks.add(text("Here is what the search found. " + last.path("content").asText()));
                chunks.add(finish("stop"));
            } else {
                chunks.add(call("call_search_1", "web_search", Json.object().put("query", nestedQuery(messages))));
                chunks.add(finish("tool_calls"));
            }
        } else if (conversation.contains(PROMPT_MARKER) && tools.contains("ToolSearch") && !tools.contains("WebSearch")) {
            chunks.add(call("call_toolsearch_1", "ToolSearch",
                    Json.object().put("query", "select:WebSearch").put("max_results", 1)));
            chunks.add(finish("tool_calls"));
        } else if (conversation.contains(PROMPT_MARKER) && tools.contains("WebSearch")
                && !conversation.contains("call_websearch_1")) {
            chunks.add(call("call_websearch_1", "WebSearch", Json.object().put("query", QUERY)));
            chunks.add(finish("tool_calls"));
        } else if ("tool".equals(last.path("role").asText())) {
            chunks.add(text("The search tool said: " + last.path("content").asText()));
            chunks.add(finish("stop"));
        } else {
            chunks.add(text("OK"));
            chunks.add(finish("stop"));
        }
        chunks.add("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":30}}\n\n");
        chunks.add("data: [DONE]\n\n");
        return chunks;
    }

    /** The query Claude Code's search request names ("Perform a web search for the query: ..."). */
    private static String nestedQuery(JsonNode messages) {
        String text = messages.toString();
        int at = text.indexOf("query: ");
        if (at < 0) {
            return QUERY;
        }
        String rest = text.substring(at + "query: ".length());
        int end = rest.indexOf('"');
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static String call(String id, String name, ObjectNode arguments) {
        ObjectNode call = Json.object().put("index", 0).put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", Json.write(arguments));
        ObjectNode delta = Json.object().put("role", "assistant");
        delta.putArray("tool_calls").add(call);
        return delta(delta);
    }

    private static String text(String content) {
        return delta(Json.object().put("role", "assistant").put("content", content));
    }

    private static String delta(ObjectNode delta) {
        ObjectNode chunk = Json.object();
        chunk.putArray("choices").addObject().put("index", 0).set("delta", delta);
        return "data: " + Json.write(chunk) + "\n\n";
    }

    private static String finish(String reason) {
        ObjectNode chunk = Json.object();
        chunk.putArray("choices").addObject().put("index", 0).put("finish_reason", reason).putObject("delta");
        return "data: " + Json.write(chunk) + "\n\n";
    }

    // ---- Responses ---------------------------------------------------------------------------

    public static List<String> responses(JsonNode body) {
        JsonNode input = body.path("input");
        JsonNode last = input.get(input.size() - 1);
        List<String> tools = new ArrayList<>();
        body.path("tools").forEach(tool -> tools.add(tool.path("function".equals(tool.path("type").asText())
                ? "name" : "type").asText()));
        String conversation = input.toString();
        List<String> events = new ArrayList<>();
        if (tools.contains("web_search")) {
            events.addAll(nativeSearch(nestedQuery(input)));
        } else if (conversation.contains(PROMPT_MARKER) && tools.contains("ToolSearch") && !tools.contains("WebSearch")) {
            events.add(functionCall("call_toolsearch_1", "ToolSearch",
                    Json.object().put("query", "select:WebSearch").put("max_results", 1)));
        } else if (conversation.contains(PROMPT_MARKER) && tools.contains("WebSearch")
                && !conversation.contains("call_websearch_1")) {
            events.add(functionCall("call_websearch_1", "WebSearch", Json.object().put("query", QUERY)));
        } else if ("function_call_output".equals(last.path("type").asText())) {
            events.addAll(message("The search tool said: " + last.path("output").asText(), null));
        } else {
            events.addAll(message("OK", null));
        }
        events.add(completed());
        return events;
    }

    /** OpenAI's own search: a web_search_call with the page it found, then a text citing it. */
    private static List<String> nativeSearch(String query) {
        ObjectNode action = Json.object().put("type", "search").put("query", query);
        action.putArray("sources").addObject().put("type", "url").put("url", NATIVE_PAGE_URL);
        ObjectNode call = Json.object().put("id", "ws_fake_1").put("type", "web_search_call").put("status", "completed");
        call.set("action", action);
        List<String> events = new ArrayList<>();
        events.add(event(Json.object().put("type", "response.output_item.added").put("output_index", 0)
                .set("item", Json.object().put("id", "ws_fake_1").put("type", "web_search_call")
                        .put("status", "in_progress"))));
        events.add(event(Json.object().put("type", "response.web_search_call.searching").put("output_index", 0)
                .put("item_id", "ws_fake_1")));
        events.add(event(Json.object().put("type", "response.output_item.done").put("output_index", 0).set("item", call)));
        ObjectNode annotation = Json.object().put("type", "url_citation").put("url", NATIVE_PAGE_URL)
                .put("title", NATIVE_PAGE_TITLE).put("start_index", 0).put("end_index", NATIVE_SUMMARY.length());
        events.addAll(message(NATIVE_SUMMARY, annotation));
        return events;
    }

    private static List<String> message(String text, ObjectNode annotation) {
        ObjectNode item = Json.object().put("id", "msg_fake").put("type", "message").put("role", "assistant");
        item.putArray("content");
        List<String> events = new ArrayList<>();
        events.add(event(Json.object().put("type", "response.output_item.added").put("output_index", 1).set("item", item)));
        events.add(event(Json.object().put("type", "response.output_text.delta").put("item_id", "msg_fake")
                .put("output_index", 1).put("content_index", 0).put("delta", text)));
        if (annotation != null) {
            events.add(event(Json.object().put("type", "response.output_text.annotation.added").put("item_id", "msg_fake")
                    .put("output_index", 1).put("content_index", 0).put("annotation_index", 0).set("annotation", annotation)));
        }
        events.add(event(Json.object().put("type", "response.output_item.done").put("output_index", 1).set("item", item)));
        return events;
    }

    private static String functionCall(String callId, String name, ObjectNode arguments) {
        ObjectNode item = Json.object().put("id", "fc_" + callId).put("type", "function_call").put("call_id", callId)
                .put("name", name).put("arguments", Json.write(arguments));
        return event(Json.object().put("type", "response.output_item.done").put("output_index", 0).set("item", item));
    }

    private static String completed() {
        ObjectNode response = Json.object().put("id", "resp_fake").put("status", "completed");
        response.putObject("usage").put("input_tokens", 900).put("output_tokens", 30);
        return event(Json.object().put("type", "response.completed").set("response", response));
    }

    private static String event(JsonNode json) {
        return "event: " + json.path("type").asText() + "\ndata: " + Json.write(json) + "\n\n";
    }
}
