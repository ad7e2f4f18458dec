package dev.ccbridge.core.cli;

import dev.ccbridge.core.secrets.KeyResolver;
import dev.ccbridge.core.secrets.KeyStorage;
import dev.ccbridge.core.target.ConfigPaths;
import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.target.TargetRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The config and keys a CLI command works with. The keychain is opened only by commands that
 * need keys (it costs a moment), and where there is none, the user is told so once, on stderr.
 */
final class CliContext implements AutoCloseable {
    private final ConfigStore store;
    private final TargetRegistry registry;
    private final List<String> warnings;
    private final PrintWriter err;
    private KeyStorage keys;
    private KeyResolver resolver;

    private CliContext(ConfigStore store, TargetRegistry registry, List<String> warnings, PrintWriter err) {
        this.store = store;
        this.registry = registry;
        this.warnings = warnings;
        this.err = err;
    }

    static CliContext open(Path configFile, PrintWriter err) {
        var store = new ConfigStore(configFile != null ? configFile : ConfigPaths.configFile());
        ConfigStore.Loaded loaded = store.load();
        return new CliContext(store, new TargetRegistry(loaded.config(), store), loaded.warnings(), err);
    }

    ConfigStore store() {
        return store;
    }

    TargetRegistry registry() {
        return registry;
    }

    /** Problems found reading the config file. */
    List<String> warnings() {
        return warnings;
    }

    /** The key store (opened on first use). */
    synchronized KeyStorage keyStorage() {
        if (keys == null) {
            keys = KeyStorage.open();
            resolver = new KeyResolver(keys.store());
            keys.notice().ifPresent(notice -> {
                err.println("ccbridge: " + notice);
                err.flush();
            });
        }
        return keys;
    }

    /** The key chain every front end uses: keychain, then apiKeyEnv, then CCBRIDGE_KEY_<ID>. */
    synchronized KeyResolver keys() {
        keyStorage();
        return resolver;
    }

    @Override
    public synchronized void close() {
        if (keys != null) {
            try {
                keys.closer().close();
            } catch (Exception e) {
                // the keychain connection ends with the process anyway
            }
        }
    }
}
