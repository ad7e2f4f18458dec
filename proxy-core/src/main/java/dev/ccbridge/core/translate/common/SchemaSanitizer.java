package dev.ccbridge.core.translate.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.model.ModelCapabilities.SchemaDialect;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Adapts Claude Code's tool schemas (JSON Schema 2020-12) to what an upstream accepts. Every
 * dialect loses {@code $schema}; the {@code gemini} dialect (an OpenAPI subset) also loses the
 * keywords Gemini rejects, with {@code const} turned into a one-value {@code enum}.
 */
public final class SchemaSanitizer {
    private static final Set<String> GEMINI_REJECTS = Set.of(
            "$schema", "$id", "$ref", "$defs", "definitions", "$comment", "additionalProperties",
            "exclusiveMinimum", "exclusiveMaximum", "propertyNames", "patternProperties", "unevaluatedProperties",
            "dependentSchemas", "dependentRequired", "if", "then", "else", "not", "examples", "input_examples",
            "contentEncoding", "contentMediaType", "deprecated", "readOnly", "writeOnly", "default");

    private SchemaSanitizer() {}

    public static JsonNode clean(JsonNode schema, SchemaDialect dialect) {
        if (schema == null || !schema.isObject()) {
            ObjectNode empty = JsonNodeFactory.instance.objectNode();
            empty.put("type", "object");
            empty.putObject("properties");
            return empty;
        }
        JsonNode copy = schema.deepCopy();
        boolean gemini = dialect == SchemaDialect.GEMINI;
        ((ObjectNode) copy).remove("$schema");
        if (gemini) {
            scrub(copy);
        }
        return copy;
    }

    private static void scrub(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode constant = object.remove("const");
            if (constant != null && !object.has("enum")) {
                object.putArray("enum").add(constant);
            }
            JsonNode format = object.get("format");
            if (format != null && !Set.of("enum", "date-time").contains(format.asText())) {
                object.remove("format");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean insideProperties = "properties".equals(field.getKey());
                if (!insideProperties && GEMINI_REJECTS.contains(field.getKey())) {
                    fields.remove();
                } else if (insideProperties && field.getValue() instanceof ObjectNode properties) {
                    // Property names are data, not keywords: keep them all, clean their schemas.
                    properties.forEach(SchemaSanitizer::scrub);
                } else {
                    scrub(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(SchemaSanitizer::scrub);
        }
    }
}
