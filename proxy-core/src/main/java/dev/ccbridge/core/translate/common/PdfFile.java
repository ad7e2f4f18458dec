package dev.ccbridge.core.translate.common;

import dev.ccbridge.core.protocol.anthropic.DocumentBlock;
import dev.ccbridge.core.protocol.anthropic.MediaSource;
import java.util.Locale;
import java.util.Optional;

/**
 * A PDF a {@code document} block carries, in the forms OpenAI's APIs take files: inline as a
 * {@code data:} URL with a file name (Chat {@code file.file_data}, Responses {@code input_file}),
 * or by URL (Responses {@code input_file.file_url} only).
 *
 * @param dataUrl {@code data:application/pdf;base64,...}, or null for a document given by URL
 * @param url     where the document is, or null for an inline one
 */
public record PdfFile(String filename, String dataUrl, String url) {
    private static final String PDF = "application/pdf";

    /** The PDF of a document block: base64 {@code application/pdf} or a URL; empty for text and other documents. */
    public static Optional<PdfFile> of(DocumentBlock document) {
        MediaSource source = document.source();
        if (source == null) {
            return Optional.empty();
        }
        if (source.isBase64() && source.data() != null && source.mediaType() != null
                && PDF.equals(source.mediaType().toLowerCase(Locale.ROOT))) {
            return Optional.of(new PdfFile(filename(document.title()), "data:" + PDF + ";base64," + source.data(), null));
        }
        if (source.isUrl() && source.url() != null) {
            return Optional.of(new PdfFile(filename(document.title()), null, source.url()));
        }
        return Optional.empty();
    }

    public boolean inline() {
        return dataUrl != null;
    }

    /** The title as a file name ending in {@code .pdf}: OpenAI wants one with every inline file. */
    static String filename(String title) {
        String name = title == null ? "" : title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ").strip();
        if (name.isEmpty()) {
            name = "document";
        }
        if (name.length() > 120) {
            name = name.substring(0, 120).strip();
        }
        return name.toLowerCase(Locale.ROOT).endsWith(".pdf") ? name : name + ".pdf";
    }
}
