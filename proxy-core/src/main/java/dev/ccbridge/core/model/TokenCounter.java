package dev.ccbridge.core.model;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.DocumentBlock;
import dev.ccbridge.core.protocol.anthropic.ImageBlock;
import dev.ccbridge.core.protocol.anthropic.Message;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.RedactedThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.Tool;
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.ServerToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.UnknownBlock;
import dev.ccbridge.core.protocol.anthropic.WebSearchToolResultBlock;
import java.util.List;

/**
 * Counts a request's input tokens for {@code count_tokens}: every text, tool input, tool result
 * and tool schema through a real BPE tokenizer (o200k, close to today's models), plus the small
 * per-message and per-tool framing the APIs add. Images count as Anthropic estimates a typical
 * screenshot. Used only by that endpoint, never on the messages path.
 */
public final class TokenCounter {
    private static final int PER_MESSAGE = 3;
    private static final int PER_TOOL = 8;
    private static final int PER_IMAGE = 1600;
    private static final int PER_REQUEST = 3;

    /**
     * The o200k tables take tens of MB of heap: loaded on the first count, not at start, so a
     * gateway that is never asked to count never holds them.
     */
    private volatile Encoding encoding;

    public long count(MessagesRequest request) {
        long total = PER_REQUEST + blocks(request.systemOrEmpty());
        for (Message message : request.messagesOrEmpty()) {
            total += PER_MESSAGE + blocks(message.contentOrEmpty());
        }
        for (Tool tool : request.toolsOrEmpty()) {
            total += PER_TOOL + text(tool.name()) + text(tool.description())
                    + (tool.inputSchema() == null ? 0 : text(Json.write(tool.inputSchema())));
        }
        return total;
    }

    private long blocks(List<ContentBlock> blocks) {
        long total = 0;
        for (ContentBlock block : blocks) {
            total += switch (block) {
                case TextBlock t -> text(t.text());
                case ThinkingBlock t -> text(t.thinking());
                case RedactedThinkingBlock r -> text(r.data()) / 4;
                case ToolUseBlock u -> text(u.name()) + (u.input() == null ? 0 : text(Json.write(u.input())));
                case ToolResultBlock r -> PER_MESSAGE + blocks(r.contentOrEmpty());
                case ImageBlock i -> PER_IMAGE;
                case DocumentBlock d -> document(d);
                case ServerToolUseBlock s -> text(s.name()) + (s.input() == null ? 0 : text(Json.write(s.input())));
                case WebSearchToolResultBlock r -> r.content() == null ? 0 : text(Json.write(r.content()));
                case UnknownBlock u -> text(Json.write(u.fields()));
            };
        }
        return total;
    }

    private long document(DocumentBlock document) {
        var source = document.source();
        if (source == null) {
            return 0;
        }
        if ("text".equals(source.type())) {
            return text(source.data());
        }
        if ("content".equals(source.type()) && source.content() != null) {
            return blocks(source.content());
        }
        // A PDF: about one page per 3 KB of base64, ~1500 tokens a page of text and image.
        return source.data() == null ? PER_IMAGE : Math.max(PER_IMAGE, source.data().length() / 3000 * 1500L);
    }

    private long text(String text) {
        return text == null || text.isEmpty() ? 0 : encoding().countTokensOrdinary(text);
    }

    private Encoding encoding() {
        Encoding loaded = encoding;
        if (loaded == null) {
            synchronized (this) {
                loaded = encoding;
                if (loaded == null) {
                    loaded = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
                    encoding = loaded;
                }
            }
        }
        return loaded;
    }
}
