package dev.ccbridge.core.translate.bedrock;

import java.util.List;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;

/**
 * One translated request, the same for Converse and ConverseStream (the SDK has a request class
 * for each).
 *
 * @param toolConfig                    null when neither the request nor its history involves tools
 * @param additionalModelRequestFields  model-specific fields (Claude's {@code thinking}, {@code top_k}), or null
 */
public record ConverseInput(String modelId, List<SystemContentBlock> system, List<Message> messages,
                            InferenceConfiguration inferenceConfig, ToolConfiguration toolConfig,
                            Document additionalModelRequestFields) {

    public ConverseStreamRequest streamRequest() {
        var builder = ConverseStreamRequest.builder()
                .modelId(modelId)
                .messages(messages)
                .inferenceConfig(inferenceConfig)
                .toolConfig(toolConfig)
                .additionalModelRequestFields(additionalModelRequestFields);
        if (!system.isEmpty()) {
            builder.system(system);
        }
        return builder.build();
    }

    public ConverseRequest request() {
        var builder = ConverseRequest.builder()
                .modelId(modelId)
                .messages(messages)
                .inferenceConfig(inferenceConfig)
                .toolConfig(toolConfig)
                .additionalModelRequestFields(additionalModelRequestFields);
        if (!system.isEmpty()) {
            builder.system(system);
        }
        return builder.build();
    }
}
