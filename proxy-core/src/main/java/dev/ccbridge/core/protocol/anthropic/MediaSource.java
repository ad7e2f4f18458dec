package dev.ccbridge.core.protocol.anthropic;

import java.util.List;

/**
 * The {@code source} of an image or document: {@code base64} (media_type + data), {@code url},
 * {@code text} (plain-text document) or {@code content} (a document made of blocks).
 */
public record MediaSource(String type, String mediaType, String data, String url,
                          List<ContentBlock> content) {
    public boolean isBase64() {
        return "base64".equals(type);
    }

    public boolean isUrl() {
        return "url".equals(type);
    }

    /** A {@code data:} URL for base64 sources, the URL itself for url sources, else null. */
    public String asUrl() {
        if (isBase64()) {
            return "data:" + mediaType + ";base64," + data;
        }
        return isUrl() ? url : null;
    }
}
