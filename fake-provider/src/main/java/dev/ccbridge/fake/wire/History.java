package dev.ccbridge.fake.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a list of role messages says for the agent: the last one that is not a system message
 * (Claude Code puts its environment block in a {@code system} message after the user's prompt),
 * and how many assistant turns came before.
 */
record History(JsonNode last, int assistantTurns) {
    static History of(JsonNode messages) {
        JsonNode last = null;
        int assistants = 0;
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            if (role.equals("assistant")) {
                assistants++;
            }
            if (!role.equals("system") && !role.equals("developer")) {
                last = message;
            }
        }
        return new History(last, assistants);
    }

    /** The names of the tools on offer, each found at {@code path} in its tool object. */
    static List<String> toolNames(JsonNode tools, String... path) {
        List<String> names = new ArrayList<>();
        for (JsonNode tool : tools) {
            JsonNode name = tool;
            for (String step : path) {
                name = name.path(step);
            }
            names.add(name.asText());
        }
        return names;
    }
}
