package dev.ccbridge.core.secrets;

import java.util.List;
import java.util.Optional;

/** Reads from each store in turn; writes go to the first. */
public final class ChainedSecretStore implements SecretStore {
    private final List<SecretStore> stores;

    public ChainedSecretStore(List<SecretStore> stores) {
        if (stores.isEmpty()) {
            throw new IllegalArgumentException("no stores");
        }
        this.stores = List.copyOf(stores);
    }

    @Override
    public Optional<String> get(String account) {
        for (SecretStore store : stores) {
            Optional<String> secret = store.get(account);
            if (secret.isPresent()) {
                return secret;
            }
        }
        return Optional.empty();
    }

    @Override
    public void put(String account, String secret) {
        stores.getFirst().put(account, secret);
    }

    @Override
    public void delete(String account) {
        stores.getFirst().delete(account);
    }

    @Override
    public String howToStore(String account) {
        return stores.getFirst().howToStore(account);
    }

    @Override
    public String name() {
        return stores.getFirst().name();
    }

    @Override
    public boolean persistent() {
        return stores.getFirst().persistent();
    }
}
