package dev.ccbridge.app.targets;

import dev.ccbridge.core.target.TargetOptions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A target's time limits and retries as the editor's text, blank ones left out (ccbridge's defaults). */
public record LimitsForm(Map<Limit, String> values) {
    public static final LimitsForm DEFAULTS = new LimitsForm(Map.of());

    public LimitsForm {
        values = FieldTexts.given(values, Limit.class);
    }

    /** The limits as the options write them (seconds, counts); a value the core could not read stays as written. */
    public static LimitsForm of(TargetOptions options) {
        Map<String, String> written = options.asMap();
        Map<Limit, String> values = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            String value = written.get(limit.option());
            if (value != null) {
                values.put(limit, value);
            }
        }
        return new LimitsForm(values);
    }

    public String text(Limit limit) {
        return values.getOrDefault(limit, "");
    }

    /** The options with these limits in them; blank ones removed, every other option kept. */
    public TargetOptions applyTo(TargetOptions options) {
        TargetOptions out = options;
        for (Limit limit : Limit.values()) {
            out = out.with(limit.option(), values.get(limit));
        }
        return out;
    }

    /** One message per invalid field, named by its caption. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (Limit limit : Limit.values()) {
            limit.error(text(limit)).ifPresent(m -> out.add(limit.caption() + ": " + m));
        }
        return out;
    }
}
