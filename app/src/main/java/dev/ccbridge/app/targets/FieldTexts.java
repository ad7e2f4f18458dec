package dev.ccbridge.app.targets;

import java.util.EnumMap;
import java.util.Map;

/** The fields of a form part that say something: blank ones left out (the default applies), the rest trimmed. */
final class FieldTexts {
    private FieldTexts() {}

    static <K extends Enum<K>> Map<K, String> given(Map<K, String> values, Class<K> keys) {
        Map<K, String> given = new EnumMap<>(keys);
        values.forEach((key, text) -> {
            if (text != null && !text.isBlank()) {
                given.put(key, text.strip());
            }
        });
        return Map.copyOf(given);
    }
}
