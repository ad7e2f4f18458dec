package dev.ccbridge.core.target;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Sends some requests to another target: those of a kind ({@code when}) go {@code to} a target,
 * optionally with one of its models. Written globally ({@code "routing": [...]} in the config) or on
 * a target (its own rules are tried first). A request to a target's own URL is never moved.
 *
 * @param model  the upstream model to ask {@code to} for; null maps Claude Code's model as that target does
 * @param above  for {@code long_context}: the prompt size in tokens beyond which the rule applies
 *               (default: the addressed model's context window)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutingRule(Condition when, String to, String model, Long above) {

    /** What a request must be for the rule to apply. */
    public enum Condition {
        /** Claude Code's haiku tier: background work (titles, summaries) and haiku subagents. */
        @JsonProperty("haiku") HAIKU,
        @JsonProperty("sonnet") SONNET,
        @JsonProperty("opus") OPUS,
        /** The request holds images and the addressed target's model cannot see them. */
        @JsonProperty("image") IMAGE,
        /** The prompt is longer than the addressed model's window (or than {@code above}). */
        @JsonProperty("long_context") LONG_CONTEXT,
        /** Claude Code asked for extended thinking. */
        @JsonProperty("thinking") THINKING,
        /** The request carries the web-search server tool. */
        @JsonProperty("web_search") WEB_SEARCH,
        @JsonEnumDefaultValue UNKNOWN;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The condition named as in the config file ({@code long_context}), or UNKNOWN. */
        public static Condition of(String wireName) {
            for (Condition condition : values()) {
                if (condition.wireName().equalsIgnoreCase(wireName == null ? "" : wireName.strip())) {
                    return condition;
                }
            }
            return UNKNOWN;
        }
    }

    /** The rule in words, for lists and the request log: "image -> openai (gpt-5.5)". */
    public String describe() {
        return when.wireName() + (above != null ? " > " + above + " tokens" : "") + " -> " + to
                + (model == null ? "" : " (" + model + ")");
    }
}
