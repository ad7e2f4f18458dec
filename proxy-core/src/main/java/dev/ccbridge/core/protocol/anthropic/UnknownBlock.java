package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A block type ccbridge does not model (server tool artefacts, newer types), kept field by field. */
public record UnknownBlock(@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> fields) implements ContentBlock {
    public UnknownBlock {
        fields = fields == null ? new LinkedHashMap<>() : fields;
    }

    public String type() {
        JsonNode type = fields.get("type");
        return type == null ? "" : type.asText();
    }
}
