package dev.ccbridge.app.secrets;

import dev.ccbridge.core.secrets.SecretStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A key store that tells its listeners when a key was stored or removed, so what depends on the
 * keys (the "add an API key" warning) follows at once. Listeners run on the thread that wrote.
 */
public final class ObservedSecretStore implements SecretStore {
    private final SecretStore store;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public ObservedSecretStore(SecretStore store) {
        this.store = store;
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public Optional<String> get(String account) {
        return store.get(account);
    }

    @Override
    public void put(String account, String secret) {
        store.put(account, secret);
        listeners.forEach(Runnable::run);
    }

    @Override
    public void delete(String account) {
        store.delete(account);
        listeners.forEach(Runnable::run);
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
