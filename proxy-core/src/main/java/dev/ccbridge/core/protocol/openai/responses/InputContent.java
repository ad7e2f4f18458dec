package dev.ccbridge.core.protocol.openai.responses;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A part of an input message: text, an image or a file from the user, text the assistant wrote earlier. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = InputContent.InputText.class, name = "input_text"),
        @JsonSubTypes.Type(value = InputContent.InputImage.class, name = "input_image"),
        @JsonSubTypes.Type(value = InputContent.InputFile.class, name = "input_file"),
        @JsonSubTypes.Type(value = InputContent.OutputText.class, name = "output_text")
})
public sealed interface InputContent {
    record InputText(String text) implements InputContent {}

    /** @param imageUrl an https URL or a {@code data:<media type>;base64,...} URL */
    record InputImage(String imageUrl, String detail) implements InputContent {
        public static InputImage of(String url) {
            return new InputImage(url, "auto");
        }
    }

    /**
     * @param fileData a {@code data:<media type>;base64,...} URL, or null
     * @param fileUrl  where the file is, or null
     */
    record InputFile(String filename, String fileData, String fileUrl) implements InputContent {}

    record OutputText(String text) implements InputContent {}
}
