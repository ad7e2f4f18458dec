package dev.ccbridge.core.target;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;

/** Short, readable, unique target ids derived from names ("DeepSeek V3" -> "deepseek-v3"). */
public final class TargetIds {
    private TargetIds() {}

    public static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return ascii.isEmpty() ? "target" : ascii;
    }

    public static String unique(String base, Collection<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int i = 2; ; i++) {
            String candidate = base + "-" + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
