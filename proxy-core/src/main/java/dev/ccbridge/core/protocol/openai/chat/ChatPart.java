package dev.ccbridge.core.protocol.openai.chat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A part of multi-part content: {@code text}, {@code image_url} or {@code file}. A text part may
 * carry Anthropic's {@code cache_control} mark, which gateways such as OpenRouter honour.
 */
public record ChatPart(String type, String text, ImageUrl imageUrl, FileData file, JsonNode cacheControl) {
    public static ChatPart text(String text) {
        return new ChatPart("text", text, null, null, null);
    }

    /** A text part with a prompt-cache mark (null: none). */
    public static ChatPart text(String text, JsonNode cacheControl) {
        return new ChatPart("text", text, null, null, cacheControl);
    }

    public static ChatPart image(String url) {
        return new ChatPart("image_url", null, new ImageUrl(url), null, null);
    }

    /** @param dataUrl {@code data:<media type>;base64,<data>} */
    public static ChatPart file(String filename, String dataUrl) {
        return new ChatPart("file", null, null, new FileData(filename, dataUrl), null);
    }

    public record ImageUrl(String url) {}

    public record FileData(String filename, String fileData) {}
}
