package dev.ccbridge.core.protocol.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;

/**
 * One streamed Responses event, the fields of every event type ccbridge reads in one record
 * ({@code type} says which apply). Deltas name their output item by {@code item_id} (and
 * {@code output_index}); function-call deltas carry no {@code call_id}.
 *
 * @param response  the response object of lifecycle events ({@code created}, {@code completed}, {@code failed}, ...)
 * @param item      the output item of {@code output_item.added} / {@code .done}
 * @param text      the full text of {@code output_text.done}, {@code reasoning_summary_text.done}, ...
 * @param arguments the full arguments of {@code function_call_arguments.done} (JSON text)
 * @param error     the {@code error} event's nested error object, where the provider nests it
 * @param annotation the source {@code output_text.annotation.added} adds to a text ({@code url_citation})
 */
public record ResponsesEvent(String type, Long sequenceNumber, ResponseObject response, Integer outputIndex,
                             OutputItem item, String itemId, Integer contentIndex, Integer summaryIndex,
                             String delta, String text, JsonNode arguments, String refusal,
                             JsonNode error, String code, String message, String param, JsonNode annotation) {

    /** The arguments as JSON text, also when a provider sends them as an object. */
    public String argumentsText() {
        return OutputItem.jsonText(arguments);
    }

    /**
     * The error an {@code error} event reports: its nested {@code error} object, or one built from
     * the top-level {@code code}, {@code message} and {@code param} the API reference describes.
     */
    public JsonNode errorDetail() {
        if (error != null && error.isObject()) {
            return error;
        }
        ObjectNode detail = Json.object();
        detail.put("type", "error");
        if (code != null) {
            detail.put("code", code);
        }
        detail.put("message", message != null ? message : "the upstream reported an error without a message");
        if (param != null) {
            detail.put("param", param);
        }
        return detail;
    }
}
