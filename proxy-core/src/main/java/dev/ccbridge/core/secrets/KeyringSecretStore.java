package dev.ccbridge.core.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keys in the OS keychain (macOS Keychain, Windows Credential Manager, the Linux Secret Service),
 * under the service name {@value #SERVICE} and the target's account name. Keys found are cached
 * for the session, so a request does not cost a keychain round trip; misses are asked again, so a
 * key added with another tool is seen.
 */
public final class KeyringSecretStore implements SecretStore, AutoCloseable {
    public static final String SERVICE = "ccbridge";
    private static final String PROBE_ACCOUNT = "ccbridge.probe";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The outcome of looking for a keychain: a store, or why there is none, in words that follow
     * "The OS keychain is not available: ".
     */
    public sealed interface Opening {
        record Opened(KeyringSecretStore store) implements Opening {}

        record Unavailable(String reason) implements Opening {}
    }

    private final Keyring keyring;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    private KeyringSecretStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * Connects to the platform keychain and proves it answers (a locked keychain that would wait
     * for a password prompt forever counts as unavailable after a timeout).
     */
    public static Opening open() {
        var probe = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ccbridge-keychain-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return probe.submit(KeyringSecretStore::openNow).get(PROBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new Opening.Unavailable("it did not answer within " + PROBE_TIMEOUT.toSeconds()
                    + " s; is it locked?");
        } catch (ExecutionException e) {
            return new Opening.Unavailable("it failed: " + describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Opening.Unavailable("interrupted while opening it");
        } finally {
            probe.shutdownNow();
        }
    }

    private static Opening openNow() {
        Keyring keyring;
        try {
            keyring = Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return new Opening.Unavailable(describe(e));
        }
        try {
            keyring.getPassword(SERVICE, PROBE_ACCOUNT);
        } catch (PasswordAccessException e) {
            // Not found is the expected answer; a keychain that cannot be reached says so differently.
            if (!looksLikeNotFound(e)) {
                closeQuietly(keyring);
                return new Opening.Unavailable("it cannot be used: " + describe(e));
            }
        } catch (RuntimeException e) {
            closeQuietly(keyring);
            return new Opening.Unavailable("it cannot be used: " + describe(e));
        }
        return new Opening.Opened(new KeyringSecretStore(keyring));
    }

    @Override
    public Optional<String> get(String account) {
        String cached = cache.get(account);
        if (cached != null) {
            return Optional.of(cached);
        }
        synchronized (keyring) {
            try {
                String secret = keyring.getPassword(SERVICE, account);
                if (secret == null || secret.isEmpty()) {
                    return Optional.empty();
                }
                cache.put(account, secret);
                return Optional.of(secret);
            } catch (PasswordAccessException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    @Override
    public void put(String account, String secret) {
        synchronized (keyring) {
            try {
                keyring.setPassword(SERVICE, account, secret);
            } catch (PasswordAccessException | RuntimeException e) {
                throw new IllegalStateException("could not store the key in the OS keychain: " + describe(e), e);
            }
            cache.put(account, secret);
        }
    }

    @Override
    public void delete(String account) {
        synchronized (keyring) {
            cache.remove(account);
            try {
                keyring.deletePassword(SERVICE, account);
            } catch (PasswordAccessException e) {
                if (!looksLikeNotFound(e)) {
                    throw new IllegalStateException("could not remove the key from the OS keychain: " + describe(e), e);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("could not remove the key from the OS keychain: " + describe(e), e);
            }
        }
    }

    @Override
    public String name() {
        return "OS keychain";
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public void close() {
        closeQuietly(keyring);
    }

    /** The backends' words for "no such entry" (Secret Service, Windows, macOS errSecItemNotFound). */
    private static boolean looksLikeNotFound(PasswordAccessException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("no stored credentials") || message.contains("no password")
                || message.contains("not found") || message.contains("-25300");
    }

    private static String describe(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

    private static void closeQuietly(Keyring keyring) {
        try {
            keyring.close();
        } catch (Exception ignored) {
            // closing a keychain connection: nothing to do about a failure
        }
    }
}
