package dev.ccbridge.core.secrets;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keys for this session only. */
public final class InMemorySecretStore implements SecretStore {
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String account) {
        return Optional.ofNullable(secrets.get(account));
    }

    @Override
    public void put(String account, String secret) {
        secrets.put(account, secret);
    }

    @Override
    public void delete(String account) {
        secrets.remove(account);
    }

    @Override
    public String name() {
        return "memory (this session only)";
    }

    @Override
    public boolean persistent() {
        return false;
    }
}
