package dev.ccbridge.app.targets;

import dev.ccbridge.core.model.ModelCapabilities;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A target's capability overrides as the editor's text, blank ones left out (the catalog's
 * value applies). Built into the core's {@link ModelCapabilities} on save.
 */
public record CapabilitiesForm(Map<Capability, String> values) {
    public static final CapabilitiesForm NONE = new CapabilitiesForm(Map.of());

    public CapabilitiesForm {
        values = FieldTexts.given(values, Capability.class);
    }

    public static CapabilitiesForm of(ModelCapabilities caps) {
        Map<Capability, String> values = new EnumMap<>(Capability.class);
        for (Capability capability : Capability.values()) {
            values.put(capability, capability.text(caps));
        }
        return new CapabilitiesForm(values);
    }

    public String text(Capability capability) {
        return values.getOrDefault(capability, "");
    }

    /** What is wrong with one field's text, or empty. */
    public static Optional<String> error(Capability capability, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (capability) {
            case MAX_OUTPUT_TOKENS, CONTEXT_WINDOW -> positive(text).isPresent() ? Optional.empty()
                    : Optional.of("a whole number of tokens above 0, e.g. 8192");
            case REJECTS -> parameters(text).isPresent() ? Optional.empty()
                    : Optional.of("names from " + String.join(", ", Capability.PARAMETERS) + ", or none");
            default -> Optional.empty();
        };
    }

    public List<String> problems() {
        List<String> out = new ArrayList<>();
        values.forEach((capability, text) -> error(capability, text)
                .ifPresent(m -> out.add(capability.caption() + ": " + m)));
        return out;
    }

    /** The overrides for the config file; null when there are none. Invalid numbers are left out (never saved while invalid). */
    public ModelCapabilities toCapabilities() {
        if (values.isEmpty()) {
            return null;
        }
        return new ModelCapabilities(
                positive(text(Capability.MAX_OUTPUT_TOKENS)).orElse(null),
                positive(text(Capability.CONTEXT_WINDOW)).orElse(null),
                bool(Capability.VISION),
                choice(Capability.REASONING),
                choice(Capability.REASONING_CONTROL),
                choice(Capability.TOKEN_PARAM),
                parameters(text(Capability.REJECTS)).orElse(null),
                bool(Capability.CACHE_CONTROL),
                choice(Capability.TOOL_IDS),
                choice(Capability.SCHEMA_DIALECT));
    }

    private String choice(Capability capability) {
        String text = text(capability);
        return text.isEmpty() ? null : text;
    }

    private Boolean bool(Capability capability) {
        String text = text(capability);
        return text.isEmpty() ? null : Boolean.valueOf(text);
    }

    private static Optional<Integer> positive(String text) {
        try {
            int value = Integer.parseInt(text.strip().replace("_", ""));
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "temperature, top_p" or "none" (rejects nothing); empty when a name is not a known parameter. */
    private static Optional<List<String>> parameters(String text) {
        String cleaned = text.strip().toLowerCase(Locale.ROOT);
        if (cleaned.equals("none")) {
            return Optional.of(List.of());
        }
        List<String> names = Arrays.stream(cleaned.split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().toList();
        return !names.isEmpty() && Capability.PARAMETERS.containsAll(names) ? Optional.of(names) : Optional.empty();
    }
}
