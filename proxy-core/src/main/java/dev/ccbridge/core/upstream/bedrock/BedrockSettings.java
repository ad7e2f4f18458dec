package dev.ccbridge.core.upstream.bedrock;

import dev.ccbridge.core.target.Target;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * How one Bedrock target is reached: region, endpoint and credentials, read from the target's
 * options ({@code region}, {@code endpoint}, {@code profile}, {@code auth}, {@code streaming}) and its key.
 *
 * <p>Credentials, unless option {@code auth} says otherwise ({@code api_key}, {@code profile},
 * {@code aws}): the target's key as a Bedrock API key; else the named {@code profile}; else a
 * Bedrock API key in {@code AWS_BEARER_TOKEN_BEDROCK}; else the AWS default chain (environment,
 * profile, SSO, container or instance role).
 *
 * @param endpoint  null for the region's public endpoint
 * @param streaming ConverseStream (the default); false uses Converse, for models that cannot stream tool use
 */
public record BedrockSettings(String region, URI endpoint, Auth auth, boolean streaming) {
    public static final String API_KEY_ENV = "AWS_BEARER_TOKEN_BEDROCK";

    private static final Pattern ARN_REGION = Pattern.compile("^arn:aws[a-z-]*:bedrock:([a-z0-9-]+):");
    private static final Pattern ENDPOINT_REGION = Pattern.compile("bedrock-runtime(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.");

    /** Where credentials come from. */
    public sealed interface Auth {
        /** What identifies these credentials in the client cache (never the secret itself). */
        String cacheKey();
    }

    /** The AWS default credential chain: environment, shared profile, SSO, container or instance role. */
    public record DefaultChain() implements Auth {
        public String cacheKey() {
            return "chain";
        }
    }

    public record Profile(String name) implements Auth {
        public String cacheKey() {
            return "profile:" + name;
        }
    }

    /** A Bedrock API key, sent as a bearer token. */
    public record ApiKey(String token) implements Auth {
        public String cacheKey() {
            return "key:" + sha256(token);
        }

        @Override
        public String toString() {
            return "ApiKey[redacted]";
        }
    }

    /** The target cannot be used as configured; the message says what to change. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** Identifies a client: same region, endpoint and credentials share one. */
    public String clientKey() {
        return region + "|" + (endpoint == null ? "" : endpoint) + "|" + auth.cacheKey();
    }

    /**
     * @param modelId  the upstream model (an ARN names its region)
     * @param apiKey   the target's key, if one is stored
     * @param env      the process environment
     * @param profiles the shared AWS config and credentials files
     */
    public static BedrockSettings of(Target target, String modelId, Optional<String> apiKey, Map<String, String> env,
                                     Supplier<ProfileFile> profiles) throws Invalid {
        URI endpoint = endpoint(target);
        Auth auth = auth(target, apiKey, env);
        String region = region(target, modelId, endpoint, auth, env, profiles);
        return new BedrockSettings(region, endpoint, auth, !Boolean.FALSE.equals(target.options().streaming()));
    }

    private static URI endpoint(Target target) throws Invalid {
        String value = blankToNull(target.options().endpoint());
        if (value == null) {
            value = blankToNull(target.baseUrl());
        }
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new Invalid("the endpoint '" + value + "' is not a URL (expected e.g. "
                    + "https://bedrock-runtime.us-east-1.amazonaws.com)");
        }
    }

    private static Auth auth(Target target, Optional<String> apiKey, Map<String, String> env) throws Invalid {
        String profile = blankToNull(target.options().profile());
        String mode = blankToNull(target.options().auth());
        String envKey = blankToNull(env.get(API_KEY_ENV));
        if (mode == null) {
            if (apiKey.isPresent()) {
                return new ApiKey(apiKey.get());
            }
            if (profile != null) {
                return new Profile(profile);
            }
            return envKey != null ? new ApiKey(envKey) : new DefaultChain();
        }
        return switch (mode.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "api_key", "apikey", "bearer" -> {
                Optional<String> key = apiKey.or(() -> Optional.ofNullable(envKey));
                if (key.isEmpty()) {
                    throw new Invalid("option auth is api_key, but no Bedrock API key was found: store one for this "
                            + "target in the keychain, or set " + API_KEY_ENV);
                }
                yield new ApiKey(key.get());
            }
            case "profile" -> new Profile(profile != null ? profile : env.getOrDefault("AWS_PROFILE", "default"));
            case "aws", "default", "chain", "sigv4" -> profile != null ? new Profile(profile) : new DefaultChain();
            default -> throw new Invalid("option auth '" + mode + "' is not one of api_key, profile, aws");
        };
    }

    /** The option, else the model ARN's region, else the endpoint's, else AWS_REGION, else the profile's. */
    private static String region(Target target, String modelId, URI endpoint, Auth auth, Map<String, String> env,
                                 Supplier<ProfileFile> profiles) throws Invalid {
        String region = blankToNull(target.options().region());
        if (region == null && modelId != null) {
            region = group(ARN_REGION.matcher(modelId));
        }
        if (region == null && endpoint != null) {
            region = group(ENDPOINT_REGION.matcher(endpoint.getHost()));
        }
        if (region == null) {
            region = blankToNull(env.get("AWS_REGION"));
        }
        if (region == null) {
            region = blankToNull(env.get("AWS_DEFAULT_REGION"));
        }
        if (region == null) {
            String profile = auth instanceof Profile p ? p.name() : env.getOrDefault("AWS_PROFILE", "default");
            region = profileRegion(profiles, profile);
        }
        if (region == null) {
            throw new Invalid("no AWS region: set the target's option region (e.g. us-east-1), "
                    + "or AWS_REGION, or a region in the AWS profile");
        }
        return region;
    }

    private static String profileRegion(Supplier<ProfileFile> profiles, String profile) {
        try {
            return profiles.get().profile(profile).flatMap(p -> p.property(ProfileProperty.REGION))
                    .map(BedrockSettings::blankToNull).orElse(null);
        } catch (RuntimeException unreadable) {
            return null; // a broken config file is reported when credentials are loaded from it
        }
    }

    private static String group(Matcher matcher) {
        return matcher.find() ? matcher.group(1) : null;
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
