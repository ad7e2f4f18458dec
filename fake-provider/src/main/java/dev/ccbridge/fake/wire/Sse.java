package dev.ccbridge.fake.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.fake.Jsons;

/** Server-sent event frames. */
final class Sse {
    private Sse() {}

    static String data(JsonNode json) {
        return "data: " + Jsons.write(json) + "\n\n";
    }

    /** A named event whose name is its {@code type}, as Anthropic and Responses streams have it. */
    static String typed(JsonNode json) {
        return "event: " + json.path("type").asText() + "\n" + data(json);
    }

    /** The JSON text split in two pieces, as providers stream long strings. */
    static String[] halves(String text) {
        int half = text.length() / 2;
        return new String[] {text.substring(0, half), text.substring(half)};
    }
}
