package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserSequence;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads content that is either a plain string (one text block) or an array of blocks, each by its
 * {@code type}, in one pass: Claude Code writes {@code type} first, so a block goes straight into
 * its record. (Jackson's own type handling would copy every block into a token buffer to hand
 * {@code type} back, then buffer it again as a field the record lacks, and look the list's
 * deserializer up again on every call: a request has hundreds of blocks.) A type ccbridge does
 * not model, or none, becomes an {@link UnknownBlock} holding every field.
 */
public final class ContentListDeserializer extends JsonDeserializer<List<ContentBlock>> {
    /** The modelled types by name, as {@link ContentBlock}'s {@code @JsonSubTypes} lists them for writing. */
    private static final Map<String, Class<? extends ContentBlock>> TYPES = Arrays.stream(
                    ContentBlock.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::name,
                    type -> type.value().asSubclass(ContentBlock.class)));

    /** Each record's own deserializer (and JsonNode's), looked up once (one instance serves one mapper). */
    private final Map<Class<?>, JsonDeserializer<Object>> records = new ConcurrentHashMap<>();

    @Override
    public List<ContentBlock> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return List.of(new TextBlock(parser.getText()));
        }
        if (!parser.isExpectedStartArrayToken()) {
            return handleUnexpected(parser, context);
        }
        List<ContentBlock> blocks = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                return handleUnexpected(parser, context); // the input ended inside the list
            }
            try {
                blocks.add(token == JsonToken.VALUE_NULL ? null : block(parser, context));
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, blocks, blocks.size());
            }
        }
        return blocks;
    }

    @SuppressWarnings("unchecked")
    private static List<ContentBlock> handleUnexpected(JsonParser parser, DeserializationContext context)
            throws IOException {
        return (List<ContentBlock>) context.handleUnexpectedToken(
                context.getTypeFactory().constructCollectionType(List.class, ContentBlock.class), parser);
    }

    @Override
    public List<ContentBlock> getNullValue(DeserializationContext context) {
        return null;
    }

    /**
     * One block, from its opening brace to its closing one. Fields before {@code type} (a tool
     * result's {@code tool_use_id}) are held in a token buffer and replayed to the record ahead of
     * the rest, which it reads from the request itself.
     */
    private ContentBlock block(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            return (ContentBlock) context.handleUnexpectedToken(ContentBlock.class, parser);
        }
        TokenBuffer before = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("type") && parser.currentToken() == JsonToken.VALUE_STRING) {
                String type = parser.getText();
                JsonParser rest = parser;
                if (before == null) {
                    parser.nextToken(); // the next field, or the end of the object: the record reads from there
                } else {
                    rest = JsonParserSequence.createFlattened(false, before.asParser(parser), parser);
                    rest.nextToken();
                }
                Class<? extends ContentBlock> record = TYPES.get(type);
                if (record != null) {
                    return (ContentBlock) deserializer(record, context).deserialize(rest, context);
                }
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                fields.put("type", TextNode.valueOf(type));
                return new UnknownBlock(readFields(rest, context, fields));
            }
            if (before == null) {
                before = context.bufferForInputBuffering(parser);
            }
            before.writeFieldName(name);
            before.copyCurrentStructure(parser);
        }
        // No string "type": every field is in the buffer.
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (before != null) {
            JsonParser buffered = before.asParser(parser);
            buffered.nextToken();
            readFields(buffered, context, fields);
        }
        return new UnknownBlock(fields);
    }

    /** The fields from the parser's position (a field name, or the object's end) to the object's end. */
    private Map<String, JsonNode> readFields(JsonParser parser, DeserializationContext context,
                                             Map<String, JsonNode> fields) throws IOException {
        JsonDeserializer<Object> nodes = deserializer(JsonNode.class, context);
        for (JsonToken token = parser.currentToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            fields.put(name, (JsonNode) nodes.deserialize(parser, context));
        }
        return fields;
    }

    private JsonDeserializer<Object> deserializer(Class<?> record, DeserializationContext context) throws IOException {
        JsonDeserializer<Object> found = records.get(record);
        if (found == null) {
            found = context.findNonContextualValueDeserializer(context.constructType(record));
            records.put(record, found);
        }
        return found;
    }
}
