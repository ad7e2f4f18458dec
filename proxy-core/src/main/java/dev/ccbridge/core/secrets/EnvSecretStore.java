package dev.ccbridge.core.secrets;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only keys from environment variables, for headless use: account {@code target.deepseek}
 * reads {@code CCBRIDGE_KEY_DEEPSEEK}. (A target's own {@code apiKeyEnv} is read by
 * {@link KeyResolver} before any store.)
 */
public final class EnvSecretStore implements SecretStore {
    private final Map<String, String> env;

    public EnvSecretStore() {
        this(System.getenv());
    }

    public EnvSecretStore(Map<String, String> env) {
        this.env = env;
    }

    public static String variableFor(String account) {
        String id = account.startsWith("target.") ? account.substring("target.".length()) : account;
        return "CCBRIDGE_KEY_" + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    @Override
    public Optional<String> get(String account) {
        String value = env.get(variableFor(account));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    @Override
    public void put(String account, String secret) {
        throw new UnsupportedOperationException("environment variables are read-only: set "
                + variableFor(account) + " instead");
    }

    @Override
    public void delete(String account) {
        throw new UnsupportedOperationException("environment variables are read-only: unset "
                + variableFor(account) + " instead");
    }

    @Override
    public String howToStore(String account) {
        return "set " + variableFor(account);
    }

    @Override
    public String name() {
        return "environment variables";
    }

    @Override
    public boolean persistent() {
        return true;
    }
}
