package dev.ccbridge.core.translate.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.document.Document;

/**
 * JSON trees and the AWS SDK's {@link Document} (tool inputs, schemas, model-specific fields),
 * converted both ways without going through text. Field order is kept.
 */
public final class Documents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Documents() {}

    public static Document of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Document.fromNull();
        }
        if (node.isObject()) {
            Map<String, Document> map = new LinkedHashMap<>();
            node.properties().forEach(field -> map.put(field.getKey(), of(field.getValue())));
            return Document.fromMap(map);
        }
        if (node.isArray()) {
            List<Document> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(of(item)));
            return Document.fromList(list);
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? Document.fromNumber(node.longValue())
                    : Document.fromNumber(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        return Document.fromString(node.asText());
    }

    /** An object document (an empty one for null or non-objects, as tool inputs must be objects). */
    public static Document objectOf(JsonNode node) {
        return node != null && node.isObject() ? of(node) : Document.fromMap(Map.of());
    }

    public static JsonNode toJson(Document document) {
        if (document == null || document.isNull()) {
            return NODES.nullNode();
        }
        if (document.isMap()) {
            ObjectNode object = NODES.objectNode();
            document.asMap().forEach((key, value) -> object.set(key, toJson(value)));
            return object;
        }
        if (document.isList()) {
            ArrayNode array = NODES.arrayNode();
            document.asList().forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (document.isBoolean()) {
            return NODES.booleanNode(document.asBoolean());
        }
        if (document.isNumber()) {
            BigDecimal value = document.asNumber().bigDecimalValue();
            try {
                return NODES.numberNode(value.longValueExact());
            } catch (ArithmeticException notIntegral) {
                return NODES.numberNode(value);
            }
        }
        return NODES.textNode(document.asString());
    }
}
