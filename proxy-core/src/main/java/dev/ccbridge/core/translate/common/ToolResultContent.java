package dev.ccbridge.core.translate.common;

import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.DocumentBlock;
import dev.ccbridge.core.protocol.anthropic.ImageBlock;
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A tool result as upstreams whose results carry only text take it: the text (errors marked,
 * never empty) and the images and PDFs it returned, which go in a message of their own.
 *
 * @param imageUrls data or https URLs, only for models that take images
 * @param pdfs      PDF documents, only for models that take documents (and in a form the upstream takes)
 */
public record ToolResultContent(String text, List<String> imageUrls, List<PdfFile> pdfs) {
    public static final String ERROR_PREFIX = "[error] ";
    public static final String NO_OUTPUT = "(no output)";
    public static final String IMAGES_LABEL = "[images returned by the tool call above]";
    public static final String FILES_LABEL = "[files returned by the tool call above]";

    /** @param sendable which PDFs the upstream takes as files (the rest become text) */
    public static ToolResultContent of(ToolResultBlock result, ModelCapabilities caps, Predicate<PdfFile> sendable) {
        List<ContentBlock> textual = new ArrayList<>();
        List<String> images = new ArrayList<>();
        List<PdfFile> pdfs = new ArrayList<>();
        for (ContentBlock block : result.contentOrEmpty()) {
            String url = block instanceof ImageBlock image && image.source() != null ? image.source().asUrl() : null;
            if (url != null && caps.takesImages()) {
                images.add(url);
                continue;
            }
            Optional<PdfFile> pdf = block instanceof DocumentBlock document && caps.takesDocuments()
                    ? PdfFile.of(document).filter(sendable) : Optional.empty();
            if (pdf.isPresent()) {
                pdfs.add(pdf.get());
                continue;
            }
            textual.add(block);
        }
        // Joined once at the end: a lone text (most tool results) is passed on as it is, not copied.
        String text = ContentText.joinText(textual);
        String body = text.isEmpty() ? NO_OUTPUT : text;
        return new ToolResultContent(result.failed() ? ERROR_PREFIX + body : body, List.copyOf(images),
                List.copyOf(pdfs));
    }

    /** Whether images or PDFs must follow in a message of their own. */
    public boolean hasAttachments() {
        return !imageUrls.isEmpty() || !pdfs.isEmpty();
    }

    /** The line that introduces them. */
    public String attachmentsLabel() {
        return pdfs.isEmpty() ? IMAGES_LABEL : FILES_LABEL;
    }
}
