package dev.ccbridge.core.translate.common;

import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.ImageBlock;
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A tool result as upstreams whose results carry only text take it: the text (errors marked,
 * never empty) and the images it returned, which go in a message of their own.
 *
 * @param imageUrls data or https URLs, only for models that take images
 */
public record ToolResultContent(String text, List<String> imageUrls) {
    public static final String ERROR_PREFIX = "[error] ";
    public static final String NO_OUTPUT = "(no output)";
    public static final String IMAGES_LABEL = "[images returned by the tool call above]";

    public static ToolResultContent of(ToolResultBlock result, boolean takesImages) {
        List<ContentBlock> textual = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (ContentBlock block : result.contentOrEmpty()) {
            String url = block instanceof ImageBlock image && image.source() != null ? image.source().asUrl() : null;
            if (url != null && takesImages) {
                images.add(url);
            } else {
                textual.add(block);
            }
        }
        String text = ContentText.joinText(textual);
        String body = text.isEmpty() ? NO_OUTPUT : text;
        return new ToolResultContent(result.failed() ? ERROR_PREFIX + body : body, List.copyOf(images));
    }
}
