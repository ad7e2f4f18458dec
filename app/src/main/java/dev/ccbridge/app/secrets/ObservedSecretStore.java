package dev.ccbridge.app.secrets;

import dev.ccbridge.core.secrets.SecretStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A key store that tells its listeners when a key was stored or removed, so what depends on the
 * keys (the "add an API key" warning) follows at once. Listeners run on the thread that wrote.
 */
public final class ObservedSecretStore extends ForwardingSecretStore {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public ObservedSecretStore(SecretStore store) {
        super(store);
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void put(String account, String secret) {
        super.put(account, secret);
        listeners.forEach(Runnable::run);
    }

    @Override
    public void delete(String account) {
        super.delete(account);
        listeners.forEach(Runnable::run);
    }
}
