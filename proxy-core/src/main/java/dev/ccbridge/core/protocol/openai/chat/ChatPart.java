package dev.ccbridge.core.protocol.openai.chat;

/** A part of multi-part user content: {@code text}, {@code image_url} or {@code file}. */
public record ChatPart(String type, String text, ImageUrl imageUrl, FileData file) {
    public static ChatPart text(String text) {
        return new ChatPart("text", text, null, null);
    }

    public static ChatPart image(String url) {
        return new ChatPart("image_url", null, new ImageUrl(url), null);
    }

    /** @param dataUrl {@code data:<media type>;base64,<data>} */
    public static ChatPart file(String filename, String dataUrl) {
        return new ChatPart("file", null, null, new FileData(filename, dataUrl));
    }

    public record ImageUrl(String url) {}

    public record FileData(String filename, String fileData) {}
}
