package dev.ccbridge.core.translate.bedrock;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;

/**
 * Shapes converted turns into a conversation Bedrock accepts: roles alternate and start with the
 * user, no turn is empty, and every tool call is answered by a tool result in the very next user
 * turn (results come first there). Claude Code's history usually is like that already; it is not
 * when the user interrupted a tool call, or when blocks were dropped on the way.
 */
final class ConverseTurns {
    static final String INTERRUPTED = "(no result: the tool call was interrupted)";
    static final String OPENING = "(conversation continues)";

    /** One turn under construction. */
    record Turn(ConversationRole role, List<ContentBlock> content) {
        boolean isUser() {
            return role == ConversationRole.USER;
        }
    }

    private ConverseTurns() {}

    static List<Message> shape(List<Turn> turns) {
        List<Turn> merged = merge(turns);
        if (!merged.isEmpty() && !merged.getFirst().isUser()) {
            merged.addFirst(new Turn(ConversationRole.USER, new ArrayList<>(List.of(ContentBlock.fromText(OPENING)))));
        }
        pairToolCalls(merged);
        trimFinalAssistantText(merged);
        return merged.stream()
                .map(turn -> Message.builder().role(turn.role()).content(turn.content()).build())
                .toList();
    }

    /** Drops empty turns and joins neighbours of the same role. */
    private static List<Turn> merge(List<Turn> turns) {
        List<Turn> out = new ArrayList<>();
        for (Turn turn : turns) {
            if (turn.content().stream().allMatch(b -> b.cachePoint() != null)) {
                continue;
            }
            if (!out.isEmpty() && out.getLast().role() == turn.role()) {
                out.getLast().content().addAll(turn.content());
            } else {
                out.add(new Turn(turn.role(), new ArrayList<>(turn.content())));
            }
        }
        return out;
    }

    private static void pairToolCalls(List<Turn> turns) {
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if (turn.isUser()) {
                Set<String> asked = i > 0 ? toolUseIds(turns.get(i - 1)) : Set.of();
                answer(turn, asked);
            } else if (!toolUseIds(turn).isEmpty() && (i + 1 == turns.size() || !turns.get(i + 1).isUser())) {
                turns.add(i + 1, new Turn(ConversationRole.USER, new ArrayList<>()));
            }
        }
    }

    /**
     * Puts the results for {@code asked} first (a stub for each one missing) and turns results
     * for calls not asked right before into plain text, which Bedrock would otherwise reject.
     */
    private static void answer(Turn turn, Set<String> asked) {
        List<ContentBlock> results = new ArrayList<>();
        List<ContentBlock> rest = new ArrayList<>();
        Set<String> answered = new LinkedHashSet<>();
        for (ContentBlock block : turn.content()) {
            ToolResultBlock result = block.toolResult();
            if (result == null) {
                rest.add(block);
            } else if (asked.contains(result.toolUseId()) && answered.add(result.toolUseId())) {
                results.add(block);
            } else {
                rest.add(ContentBlock.fromText(asText(result)));
            }
        }
        for (String id : asked) {
            if (!answered.contains(id)) {
                results.add(ContentBlock.fromToolResult(b -> b.toolUseId(id).status(ToolResultStatus.ERROR)
                        .content(ToolResultContentBlock.fromText(INTERRUPTED))));
            }
        }
        turn.content().clear();
        turn.content().addAll(results);
        turn.content().addAll(rest);
        if (turn.content().isEmpty()) {
            turn.content().add(ContentBlock.fromText(OPENING));
        }
    }

    private static String asText(ToolResultBlock result) {
        String body = result.content().stream()
                .map(c -> c.text() != null ? c.text() : "[non-text output]")
                .collect(Collectors.joining("\n"));
        return "[result of tool call " + result.toolUseId() + "]\n" + body;
    }

    private static Set<String> toolUseIds(Turn turn) {
        Set<String> ids = new LinkedHashSet<>();
        if (!turn.isUser()) {
            turn.content().stream().filter(b -> b.toolUse() != null).forEach(b -> ids.add(b.toolUse().toolUseId()));
        }
        return ids;
    }

    /** A conversation ending in an assistant turn is a prefill, which may not end in whitespace. */
    private static void trimFinalAssistantText(List<Turn> turns) {
        if (turns.isEmpty() || turns.getLast().isUser()) {
            return;
        }
        List<ContentBlock> content = turns.getLast().content();
        int last = content.size() - 1;
        if (last >= 0 && content.get(last).text() != null) {
            String trimmed = content.get(last).text().stripTrailing();
            if (trimmed.isEmpty()) {
                content.remove(last);
            } else {
                content.set(last, ContentBlock.fromText(trimmed));
            }
        }
        if (content.isEmpty()) {
            turns.removeLast();
        }
    }
}
