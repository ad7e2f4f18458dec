package dev.ccbridge.core.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shared, configured Jackson mappers. Wire formats (Anthropic, OpenAI) are snake_case;
 * ccbridge's own config file is camelCase.
 */
public final class Json {
    /** Parser and generator buffers: at most this many sets are kept between uses (each a few tens of KB). */
    private static final RecyclerPool<BufferRecycler> BUFFERS = JsonRecyclerPools.newBoundedPool(16);

    /** Anthropic and OpenAI bodies: snake_case names, nulls left out unless a field asks for them. */
    public static final ObjectMapper WIRE = base()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /** ccbridge's config file and exports: camelCase, pretty printed. */
    public static final ObjectMapper CONFIG = base()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // A setting value a newer ccbridge wrote reads as UNKNOWN here, never as a broken file.
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .build();

    private Json() {}

    private static JsonMapper.Builder base() {
        // Claude Code's requests reach tens of megabytes: lift Jackson's default string cap (20 MB).
        // Parser and generator buffers come from one small shared pool: Jackson's default keeps
        // them per thread, and every request runs on a new virtual thread, so each one allocated
        // them anew (~20 KB for the smallest request, ~100 KB for a 50 KB one).
        var factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(256 * 1024 * 1024)
                        .maxNestingDepth(2000)
                        .build())
                .recyclerPool(BUFFERS)
                .build();
        return JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .annotationIntrospector(new UnknownPropertiesSkipped())
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /**
     * Skips unknown properties as they are read. Without it (with only FAIL_ON_UNKNOWN_PROPERTIES
     * off) Jackson first copies each unknown property of a record into a buffer, to hand it on to
     * nothing; most of what a provider's stream chunk holds (object, created, system_fingerprint)
     * is unknown to ccbridge.
     */
    private static final class UnknownPropertiesSkipped extends JacksonAnnotationIntrospector {
        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
            return super.findPropertyIgnoralByName(config, annotated).withIgnoreUnknown();
        }
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Compact JSON text of a node or record, for places that need a string (tool arguments). */
    public static String write(Object value) {
        try {
            return WIRE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Compact JSON of a node or record as UTF-8 bytes, for bodies on the wire. */
    public static byte[] bytes(Object value) {
        try {
            return WIRE.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Parses JSON text; null when the text is not valid JSON. */
    public static JsonNode parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return WIRE.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
