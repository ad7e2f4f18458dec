package dev.ccbridge.core.translate.responses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.Citation;
import dev.ccbridge.core.protocol.anthropic.WebSearchResult;
import dev.ccbridge.core.protocol.anthropic.WebSearchToolResultBlock;
import dev.ccbridge.core.protocol.openai.responses.OutputItem;
import dev.ccbridge.core.protocol.openai.responses.ResponseObject;
import dev.ccbridge.core.protocol.openai.responses.ResponsesEvent;
import dev.ccbridge.core.sse.SseEvent;
import dev.ccbridge.core.stream.EventSequencer;
import dev.ccbridge.core.stream.StopReason;
import dev.ccbridge.core.stream.StreamFailure;
import dev.ccbridge.core.translate.StreamTranslator;
import dev.ccbridge.core.translate.common.CarriedSignature;
import dev.ccbridge.core.translate.common.SearchResultText;
import dev.ccbridge.core.translate.common.ToolIds;
import dev.ccbridge.core.translate.common.ToolNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Responses events (or one whole response) -> Anthropic events. Reasoning summaries become
 * thinking, and the reasoning item's encrypted content becomes that thinking block's signature,
 * so Claude Code hands it back next turn. Function calls are keyed by their item id (the argument
 * deltas name no {@code call_id}) and reported with the call id. Whatever a provider only sends
 * whole ({@code .done} events, the final response's output) is filled in where no deltas came.
 * The provider's own web searches ({@code web_search_call} items) become {@code server_tool_use}
 * and {@code web_search_tool_result} blocks, and the text's {@code url_citation}s citations.
 */
public final class ResponsesStreamTranslator implements StreamTranslator {
    private static final String SUMMARY_SEPARATOR = "\n\n";
    private static final String WEB_SEARCH = "web_search";

    private final EventSequencer out;
    private final ToolNames names;
    private final CarriedSignature.Origin origin;

    /** Output items whose text or reasoning already reached the client (by item key). */
    private final Set<String> streamed = new HashSet<>();
    /** Output items fully handled through {@code output_item.done}. */
    private final Set<String> done = new HashSet<>();
    /** The summary part last streamed per reasoning item, to separate parts. */
    private final Map<String, Integer> summaryPart = new HashMap<>();
    /** The text streamed so far per message item, for the words a citation points at. */
    private final Map<String, StringBuilder> texts = new HashMap<>();
    /** Message items whose citations came as their own events. */
    private final Set<String> cited = new HashSet<>();
    private boolean refused;
    private boolean terminal;

    /** @param model the upstream (target and model) asked, recorded in reasoning signatures */
    public ResponsesStreamTranslator(EventSequencer out, ToolNames names, ResolvedModel model) {
        this.out = out;
        this.names = names;
        this.origin = CarriedReasoning.origin(model);
    }

    @Override
    public void onEvent(SseEvent event) {
        if (terminal || event.data().isBlank()) {
            return;
        }
        JsonNode node = parse(event.data().getBytes(StandardCharsets.UTF_8));
        String type = node.path("type").asText(event.event() == null ? "" : event.event());
        switch (type) {
            case "response.output_item.added" -> itemAdded(bind(node));
            case "response.output_text.delta", "response.refusal.delta" -> text(bind(node), type);
            case "response.output_text.done", "response.refusal.done" -> textDone(bind(node), type);
            case "response.reasoning_summary_text.delta" -> summaryDelta(bind(node));
            case "response.reasoning_text.delta" -> reasoningDelta(bind(node));
            case "response.reasoning_summary_text.done", "response.reasoning_text.done" -> reasoningDone(bind(node));
            case "response.function_call_arguments.delta" -> arguments(bind(node));
            case "response.function_call_arguments.done" -> argumentsDone(bind(node));
            case "response.output_text.annotation.added" -> annotation(bind(node));
            case "response.output_item.done" -> {
                ResponsesEvent e = bind(node);
                if (e.item() != null) {
                    itemDone(e.item(), e.outputIndex());
                }
            }
            case "response.completed", "response.incomplete" -> complete(bind(node).response());
            case "response.failed" -> throw failed(bind(node).response());
            case "error" -> throw StreamFailure.providerError(bind(node).errorDetail());
            default -> { } // lifecycle (created, in_progress), part boundaries, hosted-tool progress
        }
    }

    @Override
    public void onBody(byte[] body) {
        JsonNode node = parse(body);
        ResponseObject response = convert(node, ResponseObject.class);
        if ("failed".equals(response.status()) || (response.hasError() && response.outputOrEmpty().isEmpty())) {
            throw failed(response);
        }
        complete(response);
    }

    @Override
    public void onEnd() {
        if (!terminal) {
            throw StreamFailure.truncated();
        }
        out.end();
    }

    private void itemAdded(ResponsesEvent event) {
        OutputItem item = event.item();
        if (item != null && item.isFunctionCall()) {
            startCall(item, event.outputIndex());
        }
    }

    private void startCall(OutputItem item, Integer outputIndex) {
        String key = key(item.id(), outputIndex);
        if (!out.hasTool(key)) {
            out.toolStart(key, ToolIds.toAnthropic(item.callId()), names.anthropic(item.name()));
            out.toolArguments(key, item.argumentsText());
        }
    }

    private void text(ResponsesEvent event, String type) {
        String delta = event.delta();
        if (delta == null || delta.isEmpty()) {
            return;
        }
        refused |= type.startsWith("response.refusal");
        String key = key(event.itemId(), event.outputIndex());
        streamed.add(key);
        texts.computeIfAbsent(key, k -> new StringBuilder()).append(delta);
        out.text(delta);
    }

    /** A source for the text being streamed: a citation of the page, with the words that rely on it. */
    private void annotation(ResponsesEvent event) {
        String key = key(event.itemId(), event.outputIndex());
        cited.add(key);
        cite(event.annotation(), texts.get(key));
    }

    private void cite(JsonNode annotation, CharSequence text) {
        if (annotation == null || !"url_citation".equals(annotation.path("type").asText())
                || !annotation.path("url").isTextual()) {
            return;
        }
        String url = annotation.path("url").asText();
        int start = annotation.path("start_index").asInt(-1);
        int end = annotation.path("end_index").asInt(-1);
        String words = text != null && start >= 0 && end > start && end <= text.length()
                ? text.subSequence(start, end).toString() : "";
        out.citation(Citation.webSearchResult(url, annotation.path("title").asText(url), words));
    }

    /** A search the provider made: the call, and the pages it found (their addresses; titles come with citations). */
    private void webSearchDone(OutputItem item) {
        JsonNode action = item.action();
        if (action != null && !"search".equals(action.path("type").asText("search"))) {
            return; // opening or reading a page found by a search already reported
        }
        String id = "srvtoolu_" + (item.id() == null || item.id().isBlank() ? ToolIds.randomId()
                : ToolIds.toAnthropic(item.id()));
        String query = action == null ? "" : action.path("query").asText(action.path("queries").path(0).asText(""));
        out.serverToolCall(id, WEB_SEARCH, Json.object().put("query", query));
        if ("failed".equals(item.status())) {
            out.webSearchResult(WebSearchToolResultBlock.error(id, "unavailable"));
            return;
        }
        List<WebSearchResult> pages = new ArrayList<>();
        for (JsonNode source : action == null ? Json.WIRE.createArrayNode() : action.path("sources")) {
            if (source.path("url").isTextual()) {
                String url = source.path("url").asText();
                pages.add(WebSearchResult.of(source.path("title").asText(url), url, SearchResultText.carry(""), null));
            }
        }
        out.webSearchResult(WebSearchToolResultBlock.of(id, pages));
    }

    /** Text sent whole, without deltas before it. */
    private void textDone(ResponsesEvent event, String type) {
        String key = key(event.itemId(), event.outputIndex());
        String text = type.startsWith("response.refusal") ? event.refusal() : event.text();
        if (streamed.contains(key) || text == null || text.isEmpty()) {
            return;
        }
        refused |= type.startsWith("response.refusal");
        streamed.add(key);
        out.text(text);
    }

    private void summaryDelta(ResponsesEvent event) {
        if (event.delta() == null || event.delta().isEmpty()) {
            return;
        }
        String key = key(event.itemId(), event.outputIndex());
        int part = event.summaryIndex() == null ? 0 : event.summaryIndex();
        Integer previous = summaryPart.put(key, part);
        if (previous != null && previous != part) {
            out.thinking(SUMMARY_SEPARATOR); // summaries come in titled parts; keep them apart
        }
        streamed.add(key);
        out.thinking(event.delta());
    }

    /** Raw reasoning text (open-weight models served through the Responses API). */
    private void reasoningDelta(ResponsesEvent event) {
        if (event.delta() == null || event.delta().isEmpty()) {
            return;
        }
        streamed.add(key(event.itemId(), event.outputIndex()));
        out.thinking(event.delta());
    }

    private void reasoningDone(ResponsesEvent event) {
        String key = key(event.itemId(), event.outputIndex());
        if (streamed.contains(key) || event.text() == null || event.text().isEmpty()) {
            return;
        }
        streamed.add(key);
        out.thinking(event.text());
    }

    private void arguments(ResponsesEvent event) {
        out.toolArguments(key(event.itemId(), event.outputIndex()), event.delta());
    }

    private void argumentsDone(ResponsesEvent event) {
        out.toolArgumentsComplete(key(event.itemId(), event.outputIndex()), event.argumentsText());
    }

    /** A finished item: fills in whatever of it was not streamed; a reasoning item yields its signature. */
    private void itemDone(OutputItem item, Integer outputIndex) {
        String key = key(item.id(), outputIndex);
        if (!done.add(key)) {
            return;
        }
        if (item.isFunctionCall()) {
            startCall(item, outputIndex);
            out.toolArgumentsComplete(key, item.argumentsText());
        } else if (item.isMessage()) {
            if (!streamed.contains(key)) {
                for (OutputItem.Part part : item.contentOrEmpty()) {
                    if ("refusal".equals(part.type()) && part.refusal() != null && !part.refusal().isEmpty()) {
                        refused = true;
                        out.text(part.refusal());
                    } else {
                        out.text(part.text());
                    }
                }
            }
            if (!cited.contains(key)) {
                // Citations sent only with the finished item: the text they point into is still open.
                for (OutputItem.Part part : item.contentOrEmpty()) {
                    part.annotationsOrEmpty().forEach(annotation -> cite(annotation, part.text()));
                }
            }
        } else if (item.isWebSearchCall()) {
            webSearchDone(item);
        } else if (item.isReasoning()) {
            reasoningItemDone(item, key);
        }
    }

    private void reasoningItemDone(OutputItem item, String key) {
        if (!streamed.contains(key)) {
            String summary = item.summaryOrEmpty().stream().map(OutputItem.Part::text)
                    .filter(t -> t != null && !t.isEmpty()).collect(Collectors.joining(SUMMARY_SEPARATOR));
            if (summary.isEmpty()) {
                summary = item.contentOrEmpty().stream().map(OutputItem.Part::text)
                        .filter(t -> t != null && !t.isEmpty()).collect(Collectors.joining(SUMMARY_SEPARATOR));
            }
            out.thinking(summary);
        }
        if (item.id() != null && item.encryptedContent() != null && !item.encryptedContent().isEmpty()) {
            out.signature(CarriedReasoning.signature(origin, item.id(), item.encryptedContent()));
        }
    }

    /** {@code completed} or {@code incomplete}: items not yet reported, usage, stop reason; the answer ends. */
    private void complete(ResponseObject response) {
        if (response == null) {
            throw StreamFailure.malformed("a terminal event without its response");
        }
        int index = 0;
        for (OutputItem item : response.outputOrEmpty()) {
            itemDone(item, index++);
        }
        if (response.usage() != null) {
            out.usage(response.usage().toAnthropic());
        }
        out.finish(stopReason(response), null);
        terminal = true;
        out.end();
    }

    private String stopReason(ResponseObject response) {
        if ("incomplete".equals(response.status())) {
            String reason = response.incompleteReason();
            if ("max_output_tokens".equals(reason)) {
                return StopReason.MAX_TOKENS;
            }
            if ("content_filter".equals(reason)) {
                return StopReason.REFUSAL;
            }
        }
        // Tool calls turn end_turn into tool_use in the builder.
        return refused ? StopReason.REFUSAL : StopReason.END_TURN;
    }

    private static StreamFailure failed(ResponseObject response) {
        if (response != null && response.hasError()) {
            return StreamFailure.providerError(response.error());
        }
        ObjectNode error = Json.object();
        error.put("message", "the response " + (response == null ? "failed" : "ended with status "
                + response.status()) + " and gave no reason");
        return StreamFailure.providerError(error);
    }

    /** Items are named by id; a provider that leaves ids out still numbers them. */
    private static String key(String itemId, Integer outputIndex) {
        if (itemId != null && !itemId.isEmpty()) {
            return itemId;
        }
        return "output:" + (outputIndex == null ? 0 : outputIndex);
    }

    private static ResponsesEvent bind(JsonNode node) {
        return convert(node, ResponsesEvent.class);
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return Json.WIRE.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw StreamFailure.malformed(e.getOriginalMessage());
        }
    }

    private static JsonNode parse(byte[] json) {
        try {
            JsonNode node = Json.WIRE.readTree(json);
            if (node == null || !node.isObject()) {
                throw StreamFailure.malformed("expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw StreamFailure.malformed(e.getOriginalMessage());
        } catch (IOException e) {
            throw StreamFailure.malformed(e.getMessage());
        }
    }
}
