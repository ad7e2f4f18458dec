package dev.ccbridge.core.translate.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.Citation;
import dev.ccbridge.core.protocol.anthropic.WebSearchResult;
import dev.ccbridge.core.protocol.anthropic.WebSearchToolResultBlock;
import dev.ccbridge.core.protocol.openai.chat.ChatChunk;
import dev.ccbridge.core.protocol.openai.chat.ChatToolCall;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chat Completions chunks (or one whole completion) -> Anthropic events. Tolerates what real
 * servers send: tool calls without {@code index}, ids repeated on every chunk or missing, the
 * name arriving after the id, whole arguments in one chunk or repeated at the end, usage in a
 * trailing chunk after {@code finish_reason}, no {@code finish_reason} at all. Reasoning becomes
 * thinking; what the upstream wants back of it (the field it came in, OpenRouter's details,
 * Gemini's thought signatures on tool calls) becomes the signature of the thinking block, written
 * when the block closes (before text, before a tool call, at the end). Pages a provider's own web
 * search found ({@code url_citation} annotations, OpenRouter) become citations of the text and, at
 * the end, one {@code server_tool_use} with its {@code web_search_tool_result}.
 */
public final class ChatStreamTranslator implements StreamTranslator {
    private static final String DONE = "[DONE]";
    /** Reads chunks from the SSE data text as it is (no detour through bytes). */
    private static final ObjectReader CHUNK = Json.WIRE.readerFor(ChatChunk.class);
    /** Anthropic cites a few words of a page, not the page. */
    private static final int CITED_CHARS = 150;

    private final EventSequencer out;
    private final ToolNames names;
    private final CarriedChatReasoning.Gathered reasoning;
    /** Calls seen but not yet started because their name has not arrived. */
    private final Map<String, Pending> pending = new HashMap<>();
    /** The id Claude Code knows each started call by. */
    private final Map<String, String> toolUseIds = new HashMap<>();
    /** Pages the provider's web search found, by address, with their titles. */
    private final Map<String, String> pages = new LinkedHashMap<>();
    private String lastToolKey;
    private boolean finished;
    private boolean doneSeen;

    private static final class Pending {
        String id;
        String thoughtSignature;
        final StringBuilder arguments = new StringBuilder();
    }

    /** @param model the upstream (target and model) answering, named in the signatures of its reasoning */
    public ChatStreamTranslator(EventSequencer out, ToolNames names, ResolvedModel model) {
        this.out = out;
        this.names = names;
        this.reasoning = new CarriedChatReasoning.Gathered(CarriedSignature.Origin.of(CarriedChatReasoning.MODE, model));
    }

    @Override
    public void onEvent(SseEvent event) {
        String data = event.data();
        if (data.isBlank()) {
            return;
        }
        if (DONE.equals(data.strip())) {
            doneSeen = true;
            return;
        }
        onChunk(parse(() -> CHUNK.readValue(data)));
    }

    @Override
    public void onBody(byte[] body) {
        onChunk(parse(() -> CHUNK.readValue(body)));
        doneSeen = true;
        onEnd();
    }

    @Override
    public void onEnd() {
        if (!finished && !doneSeen) {
            throw StreamFailure.truncated();
        }
        startPendingCalls();
        closeReasoning();
        reportSearch();
        out.end();
    }

    void onChunk(ChatChunk chunk) {
        if (chunk.error() != null && !chunk.error().isNull()) {
            throw StreamFailure.providerError(chunk.error());
        }
        if (chunk.usage() != null) {
            out.usage(chunk.usage().toAnthropic());
            out.webSearchesReported(chunk.usage().webSearchRequests());
        }
        for (ChatChunk.Choice choice : chunk.choicesOrEmpty()) {
            if (choice.index() != null && choice.index() != 0) {
                continue; // Claude Code asks for one answer; n > 1 is never requested
            }
            ChatChunk.Delta delta = choice.content();
            if (delta != null) {
                reasoning(delta);
                if (isText(delta.content()) || isText(delta.refusal())) {
                    closeReasoning();
                }
                out.text(delta.content());
                out.text(delta.refusal());
                delta.annotationsOrEmpty().forEach(this::annotation);
                if (delta.toolCalls() != null) {
                    delta.toolCalls().forEach(this::toolCall);
                }
            }
            if (choice.finishReason() != null) {
                finished = true;
                out.finish(stopReason(choice.finishReason(), delta), null);
            }
        }
    }

    /** Reasoning text (either field), and OpenRouter's details, shown as thinking. */
    private void reasoning(ChatChunk.Delta delta) {
        String text = delta.reasoningText();
        if (isText(text)) {
            reasoning.text(delta.reasoningField());
            out.thinking(text);
        }
        JsonNode details = delta.reasoningDetails();
        if (details != null && details.isArray() && !details.isEmpty()) {
            reasoning.details(details);
            if (!isText(text)) {
                String readable = ReasoningDetails.readableText(details);
                if (!readable.isEmpty()) {
                    reasoning.text("reasoning");
                }
                out.thinking(readable);
            }
        }
    }

    /** Ends the thinking block with the signature of what its upstream wants back, if anything. */
    private void closeReasoning() {
        if (!reasoning.isEmpty()) {
            out.signature(reasoning.signature());
        }
    }

    private void annotation(ChatChunk.Annotation annotation) {
        ChatChunk.UrlCitation citation = annotation.urlCitation();
        if (!"url_citation".equals(annotation.type()) || citation == null || citation.url() == null) {
            return;
        }
        String title = citation.title() == null || citation.title().isBlank() ? citation.url() : citation.title();
        pages.putIfAbsent(citation.url(), title);
        String content = citation.content() == null ? "" : citation.content().strip();
        out.citation(Citation.webSearchResult(citation.url(), title,
                content.length() <= CITED_CHARS ? content : content.substring(0, CITED_CHARS)));
    }

    /** The provider searched: its search and the pages it found, as Anthropic reports a search. */
    private void reportSearch() {
        if (pages.isEmpty()) {
            return;
        }
        String id = "srv" + ToolIds.randomId();
        out.serverToolCall(id, "web_search", Json.object());
        List<WebSearchResult> found = new ArrayList<>();
        pages.forEach((url, title) -> found.add(WebSearchResult.of(title, url, SearchResultText.carry(""), null)));
        out.webSearchResult(WebSearchToolResultBlock.of(id, found));
    }

    private void toolCall(ChatToolCall call) {
        String key = keyOf(call);
        lastToolKey = key;
        if (out.hasTool(key)) {
            if (call.thoughtSignature() != null) {
                reasoning.toolSignature(toolUseIds.get(key), call.thoughtSignature()); // goes out at the next pause
            }
            arguments(key, call.arguments());
            return;
        }
        Pending waiting = pending.computeIfAbsent(key, k -> new Pending());
        if (call.id() != null && !call.id().isBlank()) {
            waiting.id = call.id();
        }
        if (call.thoughtSignature() != null) {
            waiting.thoughtSignature = call.thoughtSignature();
        }
        if (call.arguments() != null) {
            waiting.arguments.append(call.arguments());
        }
        if (call.name() != null && !call.name().isBlank()) {
            pending.remove(key);
            start(key, waiting, names.anthropic(call.name()));
        }
    }

    /** A call's block, after the thinking block that carries its thought signature, if it has one. */
    private void start(String key, Pending call, String name) {
        String toolUseId = ToolIds.toAnthropic(call.id);
        toolUseIds.put(key, toolUseId);
        if (call.thoughtSignature != null) {
            reasoning.toolSignature(toolUseId, call.thoughtSignature);
        }
        closeReasoning();
        out.toolStart(key, toolUseId, name);
        out.toolArguments(key, call.arguments.toString());
    }

    /**
     * Arguments for a started call. Some servers end with a chunk repeating the whole arguments:
     * when a fragment starts with everything sent so far, and that was already complete JSON, only
     * the rest goes out.
     */
    private void arguments(String key, String fragment) {
        if (fragment == null || fragment.isEmpty()) {
            return;
        }
        if (out.repeatsCompleteArguments(key, fragment)) {
            out.toolArgumentsComplete(key, fragment);
        } else {
            out.toolArguments(key, fragment);
        }
    }

    /** Which call a fragment belongs to: its index, else its id, else the call before it. */
    private String keyOf(ChatToolCall call) {
        if (call.index() != null) {
            return "index:" + call.index();
        }
        if (call.id() != null && !call.id().isBlank()) {
            return "id:" + call.id();
        }
        return lastToolKey != null ? lastToolKey : "index:0";
    }

    private void startPendingCalls() {
        // A call whose name never came cannot be run; say so rather than drop it silently.
        for (var entry : pending.entrySet()) {
            start(entry.getKey(), entry.getValue(), "unnamed_tool");
        }
        pending.clear();
    }

    private static boolean isText(String text) {
        return text != null && !text.isEmpty();
    }

    private static String stopReason(String finishReason, ChatChunk.Delta delta) {
        return switch (finishReason) {
            case "length" -> StopReason.MAX_TOKENS;
            case "tool_calls", "function_call" -> StopReason.TOOL_USE;
            case "content_filter" -> StopReason.REFUSAL;
            default -> delta != null && delta.refusal() != null ? StopReason.REFUSAL : StopReason.END_TURN;
        };
    }

    private interface Read {
        ChatChunk read() throws IOException;
    }

    private static ChatChunk parse(Read read) {
        try {
            return read.read();
        } catch (JsonProcessingException e) {
            throw StreamFailure.malformed(e.getOriginalMessage());
        } catch (IOException e) {
            throw StreamFailure.malformed(e.getMessage());
        }
    }
}
