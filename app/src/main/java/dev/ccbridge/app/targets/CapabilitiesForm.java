package dev.ccbridge.app.targets;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCapabilities.Reasoning;
import dev.ccbridge.core.model.ModelCapabilities.ReasoningControl;
import dev.ccbridge.core.model.ModelCapabilities.RequestParam;
import dev.ccbridge.core.model.ModelCapabilities.SchemaDialect;
import dev.ccbridge.core.model.ModelCapabilities.TokenParam;
import dev.ccbridge.core.model.ModelCapabilities.ToolIdFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
                choice(Capability.VISION, Boolean.class),
                choice(Capability.REASONING, Reasoning.class),
                choice(Capability.REASONING_CONTROL, ReasoningControl.class),
                choice(Capability.TOKEN_PARAM, TokenParam.class),
                parameters(text(Capability.REJECTS)).orElse(null),
                choice(Capability.CACHE_CONTROL, Boolean.class),
                choice(Capability.TOOL_IDS, ToolIdFormat.class),
                choice(Capability.SCHEMA_DIALECT, SchemaDialect.class),
                choice(Capability.DOCUMENTS, Boolean.class),
                choice(Capability.PROMPT_CACHE_KEY, Boolean.class));
    }

    /** The chosen value; null (the catalog's) when none is chosen or the text names no value this version knows. */
    private <T> T choice(Capability capability, Class<T> type) {
        return type.cast(capability.value(text(capability)));
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
    private static Optional<Set<RequestParam>> parameters(String text) {
        String cleaned = text.strip().toLowerCase(Locale.ROOT);
        if (cleaned.equals("none")) {
            return Optional.of(Set.of());
        }
        List<String> names = Arrays.stream(cleaned.split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().toList();
        if (names.isEmpty() || !Capability.PARAMETERS.containsAll(names)) {
            return Optional.empty();
        }
        return Optional.of(names.stream().map(name -> Json.CONFIG.convertValue(name, RequestParam.class))
                .collect(Collectors.toSet()));
    }
}
