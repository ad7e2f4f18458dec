package dev.ccbridge.core.translate.common;

import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.Message;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes Claude Code's history one every upstream accepts: each assistant turn with tool calls is
 * followed by a user turn that starts with one result per call, in call order. Claude Code's own
 * history is usually like that; it is not after the user interrupted a call (no result), and
 * parallel results come in completion order. Missing results get a short note; results that
 * answer no call just before them become plain text. {@code system} messages in between stay
 * where they are.
 */
public final class ToolTurns {
    public static final String NO_RESULT = "(no result: the tool call was interrupted)";

    private ToolTurns() {}

    public static List<Message> repair(List<Message> messages) {
        List<Message> out = new ArrayList<>(messages.size() + 1);
        List<String> asked = List.of();
        for (Message message : messages) {
            if (message.isSystem()) {
                out.add(message);
                continue;
            }
            if (message.isUser()) {
                out.add(answer(message, asked));
                asked = List.of();
                continue;
            }
            if (!asked.isEmpty()) {
                out.add(new Message("user", answerOnly(asked, Map.of())));
            }
            out.add(message);
            asked = calls(message);
        }
        if (!asked.isEmpty()) {
            out.add(new Message("user", answerOnly(asked, Map.of())));
        }
        return out;
    }

    private static List<String> calls(Message assistant) {
        List<String> ids = new ArrayList<>();
        for (ContentBlock block : assistant.contentOrEmpty()) {
            if (block instanceof ToolUseBlock use && use.id() != null && !ids.contains(use.id())) {
                ids.add(use.id());
            }
        }
        return ids;
    }

    private static Message answer(Message user, List<String> asked) {
        if (asked.isEmpty() && user.contentOrEmpty().stream().noneMatch(b -> b instanceof ToolResultBlock)) {
            return user; // the common case: nothing to pair
        }
        Map<String, ToolResultBlock> results = new LinkedHashMap<>();
        List<ContentBlock> rest = new ArrayList<>();
        for (ContentBlock block : user.contentOrEmpty()) {
            if (block instanceof ToolResultBlock result) {
                if (asked.contains(result.toolUseId()) && !results.containsKey(result.toolUseId())) {
                    results.put(result.toolUseId(), result);
                } else {
                    rest.add(asText(result));
                }
            } else {
                rest.add(block);
            }
        }
        List<ContentBlock> content = answerOnly(asked, results);
        content.addAll(rest);
        return new Message("user", content);
    }

    private static List<ContentBlock> answerOnly(List<String> asked, Map<String, ToolResultBlock> results) {
        List<ContentBlock> content = new ArrayList<>();
        for (String id : asked) {
            ToolResultBlock result = results.get(id);
            content.add(result != null ? result
                    : new ToolResultBlock(id, List.of(new TextBlock(NO_RESULT)), null, null));
        }
        return content;
    }

    private static TextBlock asText(ToolResultBlock stray) {
        return new TextBlock("[result of tool call " + stray.toolUseId() + "]\n"
                + ContentText.joinText(stray.contentOrEmpty()));
    }
}
