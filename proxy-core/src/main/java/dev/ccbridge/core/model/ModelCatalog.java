package dev.ccbridge.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The capability table shipped in the jar ({@code models.json}): model id pattern -> capabilities. */
public final class ModelCatalog {
    private static final String RESOURCE = "/dev/ccbridge/core/model/models.json";

    private record Entry(Pattern pattern, ModelCapabilities capabilities) {}

    private final ModelCapabilities defaults;
    private final List<Entry> entries;

    private ModelCatalog(ModelCapabilities defaults, List<Entry> entries) {
        this.defaults = defaults;
        this.entries = entries;
    }

    public static ModelCatalog builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final ModelCatalog BUILT_IN = load();
    }

    static ModelCatalog load() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = Json.CONFIG.readTree(in);
            ModelCapabilities defaults = Json.CONFIG.treeToValue(root.get("default"), ModelCapabilities.class);
            List<Entry> entries = new ArrayList<>();
            for (JsonNode node : root.get("models")) {
                Pattern pattern = Pattern.compile(node.get("pattern").asText());
                entries.add(new Entry(pattern, Json.CONFIG.treeToValue(node, ModelCapabilities.class)));
            }
            return new ModelCatalog(defaults, List.copyOf(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Capabilities for a model id, every field set: the first matching entry, completed by the default. */
    public ModelCapabilities lookup(String modelId) {
        String name = normalise(modelId);
        for (Entry entry : entries) {
            if (entry.pattern.matcher(name).matches()) {
                return entry.capabilities.over(defaults);
            }
        }
        return defaults;
    }

    /** {@code openai/gpt-5} -> {@code gpt-5}; {@code us.anthropic.claude-x} keeps its dots for the pattern. */
    static String normalise(String modelId) {
        if (modelId == null) {
            return "";
        }
        String lower = modelId.toLowerCase(Locale.ROOT);
        int slash = lower.lastIndexOf('/');
        String name = slash >= 0 ? lower.substring(slash + 1) : lower;
        // Bedrock inference profiles: "us.anthropic.claude..." / "global.anthropic.claude..."
        int anthropic = name.indexOf("anthropic.");
        return anthropic >= 0 ? name.substring(anthropic + "anthropic.".length()) : name;
    }
}
