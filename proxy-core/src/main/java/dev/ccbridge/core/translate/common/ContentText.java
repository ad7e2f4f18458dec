package dev.ccbridge.core.translate.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.DocumentBlock;
import dev.ccbridge.core.protocol.anthropic.ImageBlock;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.UnknownBlock;
import java.util.ArrayList;
import java.util.List;

/** Plain-text renderings of blocks for upstreams that cannot take them as they are. */
public final class ContentText {
    private ContentText() {}

    /** The text of a document block, or a placeholder naming what was left out. */
    public static String document(DocumentBlock document) {
        String title = document.title() != null ? document.title() : "document";
        var source = document.source();
        if (source != null && "text".equals(source.type()) && source.data() != null) {
            return "<document title=\"" + title + "\">\n" + source.data() + "\n</document>";
        }
        if (source != null && "content".equals(source.type()) && source.content() != null) {
            return "<document title=\"" + title + "\">\n" + joinText(source.content()) + "\n</document>";
        }
        String type = source == null ? "unknown" : source.mediaType() != null ? source.mediaType() : source.type();
        return "[" + title + " (" + type + ") was left out: this model cannot read it]";
    }

    public static String imageOmitted(ImageBlock image) {
        String type = image.source() == null ? "image" : image.source().mediaType();
        return "[image (" + type + ") was left out: this model does not accept images]";
    }

    /** Text of server artefacts ({@code search_result}, {@code tool_reference}, ...), or null to drop them. */
    public static String unknown(UnknownBlock block) {
        JsonNode text = block.fields().get("text");
        if (text != null && text.isTextual()) {
            return text.asText();
        }
        JsonNode content = block.fields().get("content");
        if (content != null && content.isTextual()) {
            return content.asText();
        }
        if (content != null && content.isArray()) {
            var out = new StringBuilder();
            content.forEach(part -> {
                if (part.path("text").isTextual()) {
                    out.append(out.isEmpty() ? "" : "\n").append(part.path("text").asText());
                }
            });
            return out.isEmpty() ? null : out.toString();
        }
        return null;
    }

    /**
     * The text blocks of a list joined by newlines; other blocks rendered as above. A lone piece
     * is returned as it is: tool results of hundreds of KB are never copied just to be joined.
     */
    public static String joinText(List<ContentBlock> blocks) {
        List<String> pieces = new ArrayList<>(blocks.size());
        for (ContentBlock block : blocks) {
            String text = text(block);
            if (text != null && !text.isEmpty()) {
                pieces.add(text);
            }
        }
        return pieces.size() == 1 ? pieces.getFirst() : String.join("\n", pieces);
    }

    /** One block as text: a text block's own, the renderings above, or null for blocks with none. */
    public static String text(ContentBlock block) {
        return switch (block) {
            case TextBlock t -> t.text();
            case DocumentBlock d -> document(d);
            case UnknownBlock u -> unknown(u);
            case ImageBlock i -> imageOmitted(i);
            default -> null;
        };
    }
}
