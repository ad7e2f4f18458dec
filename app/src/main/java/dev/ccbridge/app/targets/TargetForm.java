package dev.ccbridge.app.targets;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetOptions;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The editor's fields as text, and the rules they must follow. Pure: the view model compares
 * forms to know about unsaved changes and builds targets from them; the view shows the same
 * rules' messages beside the fields.
 *
 * @param fallbacks    the ids of the targets to try, in order, when this one is unavailable
 * @param limits       time limits and retries (target options)
 * @param capabilities overrides of the model catalog
 */
public record TargetForm(String name, String provider, String baseUrl, ApiMode apiMode, String model,
                         String opus, String sonnet, String haiku, String headers, String apiKeyEnv,
                         String region, String awsProfile, String priceInput, String priceOutput,
                         String priceCacheRead, String priceCacheWrite, List<String> fallbacks,
                         LimitsForm limits, CapabilitiesForm capabilities) {

    public static final String REGION = "region";
    public static final String PROFILE = "profile";
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d+");

    public static final TargetForm BLANK = new TargetForm("", "", "", ApiMode.CHAT_COMPLETIONS, "", "", "", "",
            "", "", "", "", "", "", "", "", List.of(), LimitsForm.DEFAULTS, CapabilitiesForm.NONE);

    public TargetForm {
        fallbacks = List.copyOf(fallbacks);
    }

    public static TargetForm of(Target target) {
        Pricing pricing = Pricing.of(target);
        return new TargetForm(text(target.name()), text(target.provider()), text(target.baseUrl()),
                target.apiMode() == null ? ApiMode.CHAT_COMPLETIONS : target.apiMode(), text(target.model()),
                text(target.tiers().opus()), text(target.tiers().sonnet()), text(target.tiers().haiku()),
                headerText(target.headers()), text(target.apiKeyEnv()), text(target.options().region()),
                text(target.options().profile()), price(pricing.input()), price(pricing.output()),
                price(pricing.cacheRead()), price(pricing.cacheWrite()), target.fallbacks(),
                LimitsForm.of(target.options()), CapabilitiesForm.of(target.capabilities()));
    }

    // --- rules: each returns the message to show, or empty when the value is fine ---

    public static Optional<String> nameError(String name) {
        return blank(name) ? Optional.of("A name is required") : Optional.empty();
    }

    public static Optional<String> baseUrlError(String url, ApiMode mode) {
        if (blank(url)) {
            return mode == ApiMode.BEDROCK_CONVERSE ? Optional.empty()
                    : Optional.of("A base URL is required, e.g. https://api.openai.com/v1");
        }
        String text = url.strip();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return Optional.of("The base URL must start with http:// or https:// and name a host");
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                return Optional.of("The base URL must not have a ?query or #fragment");
            }
            return Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.of(e.getIndex() >= 0 && e.getIndex() < text.length()
                    ? "The base URL cannot contain " + describe(text.charAt(e.getIndex()))
                    + " (check for a stray character where you pasted it)"
                    : "This is not a complete URL: write it as https://host/path");
        }
    }

    /** A character as the URL message names it. */
    private static String describe(char c) {
        return switch (c) {
            case ' ' -> "spaces";
            case '\\' -> "backslashes (use /)";
            case '"', '\'' -> "quotes";
            default -> Character.isWhitespace(c) || Character.isISOControl(c) ? "tabs or line breaks" : "'" + c + "'";
        };
    }

    public static Optional<String> modelError(String model) {
        return blank(model) ? Optional.of("A model is required (the upstream model id)") : Optional.empty();
    }

    public static Optional<String> regionError(String region, ApiMode mode) {
        if (mode != ApiMode.BEDROCK_CONVERSE) {
            return Optional.empty();
        }
        if (blank(region)) {
            return Optional.of("Bedrock needs an AWS region, e.g. us-east-1");
        }
        return AWS_REGION.matcher(region.strip()).matches() ? Optional.empty()
                : Optional.of("Not an AWS region name (e.g. us-east-1, eu-central-1)");
    }

    public static Optional<String> headersError(String headers) {
        String[] lines = text(headers).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !HEADER_NAME.matcher(line.substring(0, colon).strip()).matches()) {
                return Optional.of("Line " + (i + 1) + ": write one header per line as Name: value");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> apiKeyEnvError(String name) {
        return blank(name) || ENV_NAME.matcher(name.strip()).matches() ? Optional.empty()
                : Optional.of("An environment variable name has letters, digits and _ only");
    }

    public static Optional<String> priceError(String price) {
        if (blank(price)) {
            return Optional.empty();
        }
        try {
            double value = Double.parseDouble(price.strip());
            return value >= 0 && Double.isFinite(value) ? Optional.empty()
                    : Optional.of("A price cannot be negative");
        } catch (NumberFormatException e) {
            return Optional.of("A price is a number of dollars per million tokens, e.g. 0.28");
        }
    }

    /** Another target with the same route (provider, model, mode, base URL) would make its URL ambiguous. */
    public Optional<String> conflictWith(List<Target> others, String ownId) {
        Target candidate = toTarget(null);
        return others.stream()
                .filter(t -> !t.id().equals(ownId) && t.routeKey().equals(candidate.routeKey()))
                .findFirst()
                .map(t -> "'" + t.displayName() + "' already uses this provider, model, API mode and base URL:"
                        + " change one of them");
    }

    /** One message per invalid field in form order, named by the field ("Base URL: ..."); empty when it can be saved. */
    public List<String> problems() {
        var out = new java.util.ArrayList<String>();
        nameError(name).ifPresent(m -> out.add("Name: " + m));
        baseUrlError(baseUrl, apiMode).ifPresent(m -> out.add("Base URL: " + m));
        regionError(region, apiMode).ifPresent(m -> out.add("AWS region: " + m));
        modelError(model).ifPresent(m -> out.add("Model: " + m));
        apiKeyEnvError(apiKeyEnv).ifPresent(m -> out.add("Key variable: " + m));
        headersError(headers).ifPresent(m -> out.add("Headers: " + m));
        for (String price : List.of(priceInput, priceOutput, priceCacheRead, priceCacheWrite)) {
            priceError(price).ifPresent(m -> out.add("Prices: " + m));
        }
        out.addAll(limits.problems());
        out.addAll(capabilities.problems());
        return out;
    }

    /**
     * The target this form describes, built over {@code base} (null for a new one) so fields the
     * editor does not show (id, token, models, other options, unknown fields) are kept.
     */
    public Target toTarget(Target base) {
        boolean bedrock = apiMode == ApiMode.BEDROCK_CONVERSE;
        TargetOptions options = limits.applyTo(base == null ? TargetOptions.NONE : base.options())
                .with(REGION, bedrock ? nullIfBlank(region) : null)
                .with(PROFILE, bedrock ? nullIfBlank(awsProfile) : null);
        String providerName = blank(provider) ? slugOf(name) : provider.strip();
        Target target = (base == null ? Target.builder() : base.toBuilder()).name(name.strip()).provider(providerName)
                .baseUrl(nullIfBlank(baseUrl)).model(model.strip()).apiMode(apiMode)
                .tiers(new ModelTiers(nullIfBlank(opus), nullIfBlank(sonnet), nullIfBlank(haiku)))
                .headers(parseHeaders(headers)).apiKeyEnv(nullIfBlank(apiKeyEnv)).options(options)
                .fallbacks(fallbacks).capabilities(capabilities.toCapabilities()).build();
        return new Pricing(number(priceInput), number(priceOutput), number(priceCacheRead), number(priceCacheWrite))
                .applyTo(target);
    }

    public TargetForm withName(String newName) {
        return new TargetForm(newName, provider, baseUrl, apiMode, model, opus, sonnet, haiku, headers, apiKeyEnv,
                region, awsProfile, priceInput, priceOutput, priceCacheRead, priceCacheWrite, fallbacks, limits,
                capabilities);
    }

    static Map<String, String> parseHeaders(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text(text).split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    static String headerText(Map<String, String> headers) {
        var out = new StringBuilder();
        new java.util.TreeMap<>(headers).forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        return out.toString().strip();
    }

    private static String slugOf(String name) {
        return dev.ccbridge.core.target.TargetIds.slug(name);
    }

    private static Double number(String text) {
        try {
            return blank(text) ? null : Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null; // reported by priceError; never saved while invalid
        }
    }

    private static String price(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }

    private static String nullIfBlank(String value) {
        return blank(value) ? null : value.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
