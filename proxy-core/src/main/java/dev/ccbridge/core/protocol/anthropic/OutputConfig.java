package dev.ccbridge.core.protocol.anthropic;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Claude Code's effort setting: {@code low}, {@code medium}, {@code high}, {@code xhigh}, {@code max}. */
public record OutputConfig(String effort, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public OutputConfig {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }
}
