package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.List;

/** Reads content that is either a plain string or an array of blocks; a string becomes one text block. */
public final class ContentListDeserializer extends JsonDeserializer<List<ContentBlock>> {
    @Override
    public List<ContentBlock> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return List.of(new TextBlock(parser.getText()));
        }
        JavaType listType = context.getTypeFactory().constructCollectionType(List.class, ContentBlock.class);
        return context.readValue(parser, listType);
    }

    @Override
    public List<ContentBlock> getNullValue(DeserializationContext context) {
        return null;
    }
}
