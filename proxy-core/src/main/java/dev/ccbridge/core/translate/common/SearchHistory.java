package dev.ccbridge.core.translate.common;

import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.Message;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.ServerToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.WebSearchToolResultBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Past web searches in a history, for an upstream that has no search blocks: each search becomes
 * text in the assistant's turn (what was searched, the pages found or the error), so the model
 * still knows what it found; the search call itself goes.
 */
public final class SearchHistory {
    private SearchHistory() {}

    /** The request with its search blocks as text; the same request when it has none. */
    public static MessagesRequest asText(MessagesRequest request) {
        List<Message> messages = request.messagesOrEmpty();
        if (messages.stream().noneMatch(SearchHistory::hasSearchBlocks)) {
            return request;
        }
        List<Message> rewritten = new ArrayList<>(messages.size());
        for (Message message : messages) {
            rewritten.add(hasSearchBlocks(message) ? new Message(message.role(), asText(message.contentOrEmpty())) : message);
        }
        return request.withConversation(rewritten, request.tools(), request.toolChoice());
    }

    private static boolean hasSearchBlocks(Message message) {
        return message.contentOrEmpty().stream()
                .anyMatch(b -> b instanceof ServerToolUseBlock || b instanceof WebSearchToolResultBlock);
    }

    private static List<ContentBlock> asText(List<ContentBlock> blocks) {
        Map<String, String> queries = new HashMap<>();
        List<ContentBlock> out = new ArrayList<>(blocks.size());
        for (ContentBlock block : blocks) {
            switch (block) {
                case ServerToolUseBlock call -> queries.put(call.id(), call.query());
                case WebSearchToolResultBlock result -> {
                    String query = queries.getOrDefault(result.toolUseId(), "");
                    String text = result.errorCode().map(code -> SearchResultText.error(query, code, null))
                            .orElseGet(() -> SearchResultText.results(query, result.results()));
                    // Upstreams join a turn's texts as they are: keep the search apart from the words around it.
                    out.add(new TextBlock("\n\n" + text + "\n\n"));
                }
                default -> out.add(block);
            }
        }
        return out;
    }
}
