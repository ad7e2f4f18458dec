package dev.ccbridge.core.protocol.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A response: the body of a non-streamed answer, and the payload of the stream's lifecycle events.
 *
 * @param status {@code completed}, {@code incomplete}, {@code failed}, {@code in_progress}, {@code cancelled}, {@code queued}
 */
public record ResponseObject(String id, String status, String model, List<OutputItem> output, ResponsesUsage usage,
                             IncompleteDetails incompleteDetails, JsonNode error) {

    public List<OutputItem> outputOrEmpty() {
        return output == null ? List.of() : output;
    }

    public boolean hasError() {
        return error != null && !error.isNull() && !error.isMissingNode();
    }

    public String incompleteReason() {
        return incompleteDetails == null ? null : incompleteDetails.reason();
    }

    /** @param reason {@code max_output_tokens} or {@code content_filter} */
    public record IncompleteDetails(String reason) {}
}
