package dev.ccbridge.core.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.Citation;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.Delta;
import dev.ccbridge.core.protocol.anthropic.MessagesResponse;
import dev.ccbridge.core.protocol.anthropic.RedactedThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.ServerToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.protocol.anthropic.WebSearchToolResultBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what an upstream translator reads (text, thinking, tool calls, finish, usage) into a legal
 * Anthropic event sequence, keeping Claude Code's rules: one {@code message_start}, made lazily so
 * that early failures can still be HTTP errors; indices from our own counter; one block open at a
 * time, closed before the next opens; tool arguments as {@code input_json_delta}; a signature only
 * inside a thinking block; {@code message_delta} with full usage, then {@code message_stop}.
 *
 * <p>Web search runs inside one answer: calls to the tool ccbridge {@link #answerCallsTo answers
 * itself} become {@code server_tool_use} blocks, and the upstream's end then only
 * {@link #isPaused pauses} the answer until their {@link #webSearchResult results} are in; the
 * next upstream call ({@link #nextRound}) goes on in the same message, its usage added.
 *
 * <p>No I/O: the events wait here until the exchange {@link #drain drains} them after each upstream
 * read, so what one read produced reaches Claude Code in one write. One per answer, on one thread.
 */
public final class EventSequencer {
    private static final Logger LOG = LoggerFactory.getLogger(EventSequencer.class);

    private enum Kind { TEXT, THINKING, TOOL }

    private record OpenBlock(Kind kind, int index, String toolKey) {}

    private static final class ToolCall {
        final int index;
        final String name;
        /** The id of its {@code server_tool_use} block, for a call ccbridge answers itself; else null. */
        final String serverId;
        final StringBuilder arguments = new StringBuilder();
        /** Arguments arrived after the block closed and could not be sent. */
        boolean lost;

        ToolCall(int index, String name, String serverId) {
            this.index = index;
            this.name = name;
            this.serverId = serverId;
        }
    }

    /** A call ccbridge answers itself, as the model made it: its block's id, the tool, the arguments as sent. */
    public record ServerCall(String id, String name, String arguments) {}

    private final String messageId;
    private final String model;
    private final long estimatedInputTokens;
    private final List<StreamEvent> pending = new ArrayList<>();
    private final Map<String, ToolCall> tools = new LinkedHashMap<>();
    private final Set<String> answered = new HashSet<>();
    /** Every server tool id of this answer: upstreams that number calls per response reuse theirs. */
    private final Set<String> serverIds = new HashSet<>();
    private final RoundTranscript round = new RoundTranscript();

    private boolean started;
    private boolean done;
    private int nextIndex;
    private OpenBlock open;
    private String stopReason;
    private String stopSequence;
    private Usage usage;
    /** The usage of the upstream calls before this one (search rounds), or null. */
    private Usage carried;
    private long outputChars;
    private String answeredHere;
    private boolean paused;
    private long webSearches;
    private long reportedWebSearches;

    /**
     * @param model                the model id Claude Code asked for (answers report it, not the upstream's)
     * @param estimatedInputTokens the input tokens {@code message_start} announces before the upstream reports usage
     */
    public EventSequencer(String messageId, String model, long estimatedInputTokens) {
        this.messageId = messageId;
        this.model = model;
        this.estimatedInputTokens = estimatedInputTokens;
    }

    /** The events made since the last drain, in order. */
    public List<StreamEvent> drain() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<StreamEvent> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    public void text(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        unlessDone(() -> {
            int index = ensureOpen(Kind.TEXT);
            outputChars += text.length();
            emit(new StreamEvent.ContentBlockDelta(index, new Delta.Text(text)));
        });
    }

    public void thinking(String thinking) {
        if (thinking == null || thinking.isEmpty()) {
            return;
        }
        unlessDone(() -> {
            int index = ensureOpen(Kind.THINKING);
            outputChars += thinking.length();
            emit(new StreamEvent.ContentBlockDelta(index, new Delta.Thinking(thinking)));
        });
    }

    /**
     * Upstream reasoning state for the open thinking block (opens an empty one if needed). The
     * signature is a thinking block's last delta: the block closes, so that the next reasoning
     * (another upstream reasoning item) gets a block and a signature of its own.
     */
    public void signature(String signature) {
        if (signature == null || signature.isEmpty()) {
            return;
        }
        unlessDone(() -> {
            int index = ensureOpen(Kind.THINKING);
            emit(new StreamEvent.ContentBlockDelta(index, new Delta.Signature(signature)));
            closeOpen();
        });
    }

    public void redactedThinking(String data) {
        if (data == null || data.isEmpty()) {
            return;
        }
        unlessDone(() -> {
            startBlock(new RedactedThinkingBlock(data), null, null);
            closeOpen();
        });
    }

    /**
     * A new tool call. {@code key} is how the upstream names the call in later fragments (Chat
     * index, Responses item id, Bedrock block index); {@code id} and {@code name} are what Claude
     * Code sees.
     */
    public void toolStart(String key, String id, String name) {
        unlessDone(() -> {
            if (tools.containsKey(key)) {
                return;
            }
            String serverId = name != null && name.equals(answeredHere) ? uniqueServerId(id) : null;
            ContentBlock block = serverId != null ? ServerToolUseBlock.opening(serverId, name)
                    : ToolUseBlock.opening(id, name);
            tools.put(key, new ToolCall(startBlock(block, Kind.TOOL, key), name, serverId));
        });
    }

    /**
     * Calls to {@code toolName} are ccbridge's to answer (the search function it offered in place of
     * a server tool): they go out as {@code server_tool_use} blocks, not as calls for Claude Code.
     */
    public void answerCallsTo(String toolName) {
        answeredHere = toolName;
    }

    /** A server tool call the upstream ran itself (native web search), whole: its result follows. */
    public void serverToolCall(String id, String name, JsonNode input) {
        unlessDone(() -> {
            int index = startBlock(ServerToolUseBlock.opening(id, name), null, null);
            if (input != null && !input.isEmpty()) {
                emit(new StreamEvent.ContentBlockDelta(index, new Delta.InputJson(Json.write(input))));
            }
            closeOpen();
        });
    }

    /** A web search's result (or error), answering the server tool call it names. */
    public void webSearchResult(WebSearchToolResultBlock result) {
        unlessDone(() -> {
            startBlock(result, null, null);
            closeOpen();
            answered.add(result.toolUseId());
            if (result.errorCode().isEmpty()) {
                webSearches++;
            }
        });
    }

    /** The number of searches the provider says it made (it may have made more than it reported results for). */
    public void webSearchesReported(long searches) {
        reportedWebSearches = Math.max(reportedWebSearches, searches);
    }

    /** A source for the text being written; dropped when no text block is open (a citation needs one). */
    public void citation(Citation citation) {
        unlessDone(() -> {
            if (open != null && open.kind == Kind.TEXT) {
                emit(new StreamEvent.ContentBlockDelta(open.index, new Delta.Citations(citation)));
            }
        });
    }

    /** Whether the upstream call ended with calls ccbridge answers itself: the answer goes on after them. */
    public boolean isPaused() {
        return paused && !done;
    }

    /** The calls of this upstream call that ccbridge answers itself and has not answered yet, in order. */
    public List<ServerCall> unansweredCalls() {
        List<ServerCall> calls = new ArrayList<>();
        for (ToolCall call : tools.values()) {
            if (call.serverId != null && !answered.contains(call.serverId)) {
                calls.add(new ServerCall(call.serverId, call.name, call.arguments.toString()));
            }
        }
        return calls;
    }

    /** Whether this upstream call also called tools that are Claude Code's to run. */
    public boolean calledClientTools() {
        return tools.values().stream().anyMatch(call -> call.serverId == null);
    }

    /** The blocks this upstream call made (for sending back to it with the answers to its calls). */
    public List<ContentBlock> roundBlocks() {
        return round.blocks();
    }

    /** The next upstream call continues this answer: its blocks follow, its usage adds to the usage so far. */
    public void nextRound() {
        if (usage != null) {
            carried = carried == null ? usage : carried.plus(usage);
        }
        usage = null;
        tools.clear();
        answered.clear();
        round.clear();
        stopReason = null;
        stopSequence = null;
        paused = false;
    }

    public boolean hasTool(String key) {
        return tools.containsKey(key);
    }

    /**
     * Whether {@code fragment} starts with all arguments sent so far for the call and those were
     * already complete JSON: the sign of an upstream repeating the whole arguments at the end.
     */
    public boolean repeatsCompleteArguments(String key, String fragment) {
        ToolCall call = tools.get(key);
        if (call == null || call.arguments.isEmpty() || fragment.length() < call.arguments.length()) {
            return false;
        }
        for (int i = 0; i < call.arguments.length(); i++) {
            if (fragment.charAt(i) != call.arguments.charAt(i)) {
                return false;
            }
        }
        return Json.parseOrNull(call.arguments.toString()) != null;
    }

    /** A fragment of a tool call's JSON arguments, streamed as it arrives. */
    public void toolArguments(String key, String fragment) {
        if (fragment == null || fragment.isEmpty()) {
            return;
        }
        unlessDone(() -> appendArguments(key, fragment));
    }

    /**
     * The call's complete arguments, as some upstreams repeat them at the end: only what extends
     * the fragments already sent goes out.
     */
    public void toolArgumentsComplete(String key, String complete) {
        if (complete == null || complete.isEmpty()) {
            return;
        }
        unlessDone(() -> {
            ToolCall call = tools.get(key);
            if (call == null) {
                return;
            }
            String sent = call.arguments.toString();
            if (complete.startsWith(sent)) {
                appendArguments(key, complete.substring(sent.length()));
            } else if (!complete.equals(sent)) {
                LOG.warn("tool call {}: final arguments differ from the streamed ones; keeping the streamed ones", key);
            }
        });
    }

    /**
     * The upstream ended its current block (Bedrock {@code contentBlockStop}): what follows opens
     * a new one, so two thinking blocks in a row keep their own signatures.
     */
    public void closeBlock() {
        unlessDone(this::closeOpen);
    }

    /** The upstream's finish signal, already mapped to an Anthropic stop reason. */
    public void finish(String reason, String sequence) {
        unlessDone(() -> {
            stopReason = reason;
            stopSequence = sequence;
        });
    }

    public void usage(Usage reported) {
        unlessDone(() -> usage = reported);
    }

    /** Whether the answer has ended ({@code message_stop} made). */
    public boolean isDone() {
        return done;
    }

    /**
     * A complete answer: close the open block, report stop reason and usage, stop. With calls
     * ccbridge answers itself still unanswered, the answer {@link #isPaused pauses} instead.
     *
     * @throws StreamFailure (malformed) if a tool call's arguments as sent are not a JSON object:
     *                       Claude Code must never run a call whose input was cut or garbled
     */
    public void end() {
        unlessDone(() -> {
            for (var call : tools.entrySet()) {
                String arguments = call.getValue().arguments.toString();
                if (call.getValue().lost
                        || !arguments.isBlank() && !(Json.parseOrNull(arguments) instanceof ObjectNode)) {
                    throw StreamFailure.malformed("the arguments of tool call " + call.getKey()
                            + " are not a complete JSON object");
                }
            }
            ensureStarted();
            closeOpen();
            if (!unansweredCalls().isEmpty()) {
                paused = true;
                return;
            }
            emit(new StreamEvent.MessageDelta(new StreamEvent.StopInfo(resolvedStopReason(), stopSequence),
                    finalUsage()));
            emit(new StreamEvent.MessageStop());
            done = true;
        });
    }

    private String resolvedStopReason() {
        boolean sawTool = calledClientTools();
        // "tool_use" with no call for Claude Code (only ccbridge's own, answered) is an answer that ended.
        if (stopReason == null || (sawTool && StopReason.END_TURN.equals(stopReason))
                || (!sawTool && StopReason.TOOL_USE.equals(stopReason))) {
            return sawTool ? StopReason.TOOL_USE : StopReason.END_TURN;
        }
        return stopReason;
    }

    private Usage finalUsage() {
        Usage reported = carried == null ? usage : usage == null ? carried : carried.plus(usage);
        // No usage from upstream: estimate rather than report zero, so Claude Code's context math holds.
        Usage total = reported != null ? reported : new Usage(estimatedInputTokens, Math.max(1, outputChars / 4), 0, 0);
        return total.withWebSearches(Math.max(webSearches, reportedWebSearches));
    }

    private void appendArguments(String key, String fragment) {
        if (fragment.isEmpty()) {
            return;
        }
        ToolCall call = tools.get(key);
        if (call == null) {
            LOG.warn("arguments for unknown tool call {} dropped", key);
            return;
        }
        if (open != null && open.kind == Kind.TOOL && key.equals(open.toolKey)) {
            // Kept exactly as sent: what Claude Code received is what end() checks.
            call.arguments.append(fragment);
            outputChars += fragment.length();
            emit(new StreamEvent.ContentBlockDelta(call.index, new Delta.InputJson(fragment)));
        } else {
            // Interleaved arguments for a block already closed cannot be delivered any more.
            call.lost = true;
            LOG.warn("arguments for tool call {} arrived after its block closed", key);
        }
    }

    private int ensureOpen(Kind kind) {
        if (open != null && open.kind == kind && kind != Kind.TOOL) {
            return open.index;
        }
        ContentBlock block = kind == Kind.TEXT ? new TextBlock("") : ThinkingBlock.opening();
        return startBlock(block, kind, null);
    }

    private int startBlock(ContentBlock block, Kind kind, String toolKey) {
        ensureStarted();
        closeOpen();
        int index = nextIndex++;
        emit(new StreamEvent.ContentBlockStart(index, block));
        open = kind == null ? new OpenBlock(null, index, null) : new OpenBlock(kind, index, toolKey);
        return index;
    }

    private void closeOpen() {
        if (open != null) {
            emit(new StreamEvent.ContentBlockStop(open.index));
            open = null;
        }
    }

    private void ensureStarted() {
        if (started) {
            return;
        }
        started = true;
        var usageAtStart = new Usage(estimatedInputTokens, 1, 0, 0);
        emit(new StreamEvent.MessageStart(MessagesResponse.of(messageId, model, List.of(), null, null, usageAtStart)));
    }

    private void emit(StreamEvent event) {
        pending.add(event);
        if (answeredHere != null) {
            round.accept(event); // only an answer that may go on after ccbridge's own calls needs its rounds
        }
    }

    /** Server tool ids read like Anthropic's ({@code srvtoolu_...}), never twice in one answer. */
    private String uniqueServerId(String toolId) {
        String base = "srvtoolu_" + (toolId.startsWith("toolu_") ? toolId.substring("toolu_".length()) : toolId);
        String id = base;
        for (int n = 2; !serverIds.add(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    /** Runs {@code action} unless the answer has ended: nothing follows {@code message_stop}. */
    private void unlessDone(Runnable action) {
        if (!done) {
            action.run();
        }
    }
}
