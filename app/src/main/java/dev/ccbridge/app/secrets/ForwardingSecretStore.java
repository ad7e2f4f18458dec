package dev.ccbridge.app.secrets;

import dev.ccbridge.core.secrets.SecretStore;
import java.util.Optional;

/** A key store that passes every call on to another; a subclass adds to the calls it cares about. */
public abstract class ForwardingSecretStore implements SecretStore {
    private final SecretStore store;

    protected ForwardingSecretStore(SecretStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> get(String account) {
        return store.get(account);
    }

    @Override
    public void put(String account, String secret) {
        store.put(account, secret);
    }

    @Override
    public void delete(String account) {
        store.delete(account);
    }

    @Override
    public String name() {
        return store.name();
    }

    @Override
    public String howToStore(String account) {
        return store.howToStore(account);
    }

    @Override
    public boolean persistent() {
        return store.persistent();
    }
}
