package dev.ccbridge.core.protocol.openai.responses;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** One item of a request's {@code input}: a message, a function call or its output, or a reasoning item. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = InputItem.Message.class, name = "message"),
        @JsonSubTypes.Type(value = InputItem.FunctionCall.class, name = "function_call"),
        @JsonSubTypes.Type(value = InputItem.FunctionCallOutput.class, name = "function_call_output"),
        @JsonSubTypes.Type(value = InputItem.Reasoning.class, name = "reasoning")
})
public sealed interface InputItem {

    /** @param role {@code user} (input_text, input_image) or {@code assistant} (output_text) */
    record Message(String role, List<InputContent> content) implements InputItem {
        public static Message user(List<InputContent> content) {
            return new Message("user", List.copyOf(content));
        }

        public static Message assistant(List<InputContent> content) {
            return new Message("assistant", List.copyOf(content));
        }
    }

    /** A call the model made: {@code call_id} links it to its output; {@code arguments} is JSON text. */
    record FunctionCall(String callId, String name, String arguments) implements InputItem {}

    record FunctionCallOutput(String callId, String output) implements InputItem {}

    /**
     * Reasoning the model did earlier, replayed opaquely: with {@code store:false} the provider can
     * only use it through {@code encrypted_content}.
     */
    record Reasoning(String id, List<SummaryText> summary, String encryptedContent) implements InputItem {}

    record SummaryText(String type, String text) {
        public static SummaryText of(String text) {
            return new SummaryText("summary_text", text);
        }
    }
}
