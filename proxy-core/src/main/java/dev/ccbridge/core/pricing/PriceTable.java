package dev.ccbridge.core.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The prices bundled with ccbridge ({@code prices.json}), per provider and model, read once. A
 * model is found by its exact id first, then by {@link #normalise}d id; a router's
 * {@code vendor/model} id at the vendor's own prices; a local server is free. Anything else has
 * no price: ccbridge never guesses one.
 */
public final class PriceTable {
    private static final String RESOURCE = "/dev/ccbridge/core/pricing/prices.json";
    private static final Pattern VERSION_SUFFIX = Pattern.compile("-v\\d+(:\\d+)?$");
    private static final Pattern DATE_SUFFIX = Pattern.compile("-(\\d{8}|\\d{4}-\\d{2}-\\d{2})$");

    /** A router that bills a {@code vendor/model} at the vendor's prices; {@code vendors}: vendor -> provider. */
    private record Router(Map<String, String> vendors) {}

    private final Map<String, List<PriceEntry>> byProvider;
    private final Map<String, Map<String, PriceEntry>> normalisedByProvider;
    private final Set<String> local;
    private final Map<String, Router> routers;

    private PriceTable(Map<String, List<PriceEntry>> byProvider, Set<String> local, Map<String, Router> routers) {
        this.byProvider = byProvider;
        this.local = local;
        this.routers = routers;
        this.normalisedByProvider = new HashMap<>();
        byProvider.forEach((provider, entries) -> {
            Map<String, PriceEntry> normalised = new HashMap<>();
            for (PriceEntry entry : entries) {
                for (String id : entry.ids()) {
                    PriceEntry before = normalised.put(normalise(id), entry);
                    if (before != null && before != entry) {
                        throw new IllegalStateException(RESOURCE + ": " + provider + " has two entries for "
                                + normalise(id));
                    }
                }
            }
            normalisedByProvider.put(provider, normalised);
        });
    }

    public static PriceTable builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final PriceTable BUILT_IN = load();
    }

    static PriceTable load() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = Json.CONFIG.readTree(in);
            Map<String, List<PriceEntry>> byProvider = new HashMap<>();
            root.path("providers").properties().forEach(provider -> {
                List<PriceEntry> entries = new ArrayList<>();
                provider.getValue().forEach(node -> entries.add(entry(node)));
                byProvider.put(provider.getKey(), List.copyOf(entries));
            });
            Set<String> local = new HashSet<>();
            root.path("local").forEach(id -> local.add(id.asText()));
            Map<String, Router> routers = new HashMap<>();
            root.path("routers").properties().forEach(router -> {
                Map<String, String> vendors = new HashMap<>();
                router.getValue().path("vendors").properties()
                        .forEach(vendor -> vendors.put(vendor.getKey(), vendor.getValue().asText()));
                routers.put(router.getKey(), new Router(Map.copyOf(vendors)));
            });
            return new PriceTable(Map.copyOf(byProvider), Set.copyOf(local), Map.copyOf(routers));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static PriceEntry entry(JsonNode node) {
        List<String> aliases = new ArrayList<>();
        node.path("aliases").forEach(alias -> aliases.add(alias.asText()));
        JsonNode longNode = node.get("longPrompt");
        var longPrompt = longNode == null ? null
                : new PriceEntry.LongPrompt(longNode.path("above").asLong(), Price.read(longNode));
        Price price = Price.read(node);
        String model = node.path("model").asText();
        if (!price.complete() || node.path("source").asText().isBlank()) {
            throw new IllegalStateException(RESOURCE + ": " + model + " needs input, output and source");
        }
        return new PriceEntry(model, aliases, price, longPrompt, node.path("source").asText(),
                LocalDate.parse(node.path("checked").asText()));
    }

    /** The bundled prices of {@code model} at {@code provider} (a target's provider id), if known. */
    public Optional<PriceMatch> find(String provider, String model) {
        if (provider == null || model == null || model.isBlank()) {
            return Optional.empty();
        }
        if (local.contains(provider)) {
            return Optional.of(PriceMatch.local());
        }
        Optional<PriceMatch> own = findAt(provider, model);
        if (own.isPresent()) {
            return own;
        }
        Router router = routers.get(provider);
        int slash = model.indexOf('/');
        if (router == null || slash <= 0) {
            return Optional.empty();
        }
        String vendorProvider = router.vendors().get(model.substring(0, slash).toLowerCase(Locale.ROOT));
        return vendorProvider == null ? Optional.empty()
                : findAt(vendorProvider, model.substring(slash + 1))
                        .map(match -> new PriceMatch(match.entry(), PriceMatch.How.ROUTED));
    }

    private Optional<PriceMatch> findAt(String provider, String model) {
        for (PriceEntry entry : byProvider.getOrDefault(provider, List.of())) {
            if (entry.ids().contains(model)) {
                return Optional.of(new PriceMatch(entry, PriceMatch.How.EXACT));
            }
        }
        return Optional.ofNullable(normalisedByProvider.getOrDefault(provider, Map.of()).get(normalise(model)))
                .map(entry -> new PriceMatch(entry, PriceMatch.How.NORMALISED));
    }

    /** Every entry of a provider, in table order (for listings and checks). */
    public List<PriceEntry> entries(String provider) {
        return byProvider.getOrDefault(provider, List.of());
    }

    /** The providers the table has prices for. */
    public Set<String> providers() {
        return byProvider.keySet();
    }

    /**
     * A model id as the table compares it: lower case, without a vendor prefix ({@code openai/}),
     * a Bedrock version suffix ({@code -v1:0}) or a date suffix ({@code -20251001},
     * {@code -2025-08-07}). A region prefix ({@code us.}, {@code global.}) stays: it changes the price.
     */
    public static String normalise(String modelId) {
        String id = modelId.strip().toLowerCase(Locale.ROOT);
        id = id.substring(id.lastIndexOf('/') + 1);
        id = VERSION_SUFFIX.matcher(id).replaceFirst("");
        return DATE_SUFFIX.matcher(id).replaceFirst("");
    }
}
