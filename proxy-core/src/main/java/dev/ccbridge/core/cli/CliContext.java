package dev.ccbridge.core.cli;

import dev.ccbridge.core.log.HistoryLimits;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.secrets.KeyResolver;
import dev.ccbridge.core.secrets.KeyStorage;
import dev.ccbridge.core.target.ConfigPaths;
import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The config, keys and history a CLI command works with. The keychain is opened only by commands
 * that need keys (it costs a moment), and where there is none, the user is told so once, on
 * stderr. The history is the app's ({@link ConfigPaths#historyFile}), kept within the limits the
 * app's Settings set.
 */
final class CliContext implements AutoCloseable {
    private final Path configOverride;
    private final ConfigStore store;
    private final TargetRegistry registry;
    private final List<String> warnings;
    private final PrintWriter err;
    private KeyStorage keys;
    private KeyResolver resolver;
    private RequestStore history;

    private CliContext(Path configOverride, ConfigStore store, TargetRegistry registry, List<String> warnings,
                       PrintWriter err) {
        this.configOverride = configOverride;
        this.store = store;
        this.registry = registry;
        this.warnings = warnings;
        this.err = err;
    }

    static CliContext open(Path configFile, PrintWriter err) {
        var store = new ConfigStore(configFile != null ? configFile : ConfigPaths.configFile());
        ConfigStore.Loaded loaded = store.load();
        return new CliContext(configFile, store, new TargetRegistry(loaded.config(), store), loaded.warnings(), err);
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

    /** Where the request history is, whether or not it exists yet. */
    Path historyFile() {
        return ConfigPaths.historyFile(configOverride);
    }

    /** The request history (opened on first use, created if missing), redacting with {@link #redactor()}. */
    synchronized RequestStore history() {
        if (history == null) {
            history = RequestStore.open(historyFile(),
                    HistoryLimits.of(registry.config().extra().get(HistoryLimits.FIELD)), redactor(),
                    RequestStore.DEFAULT_BODY_CAP, Clock.systemUTC(), ZoneId.systemDefault());
        }
        return history;
    }

    /**
     * Scrubs key shapes and this config's install and target tokens; with the keychain open, every
     * target's key (as they are now) too.
     */
    synchronized Redactor redactor() {
        List<String> secrets = new ArrayList<>();
        secrets.add(registry.installToken());
        for (Target target : registry.targets()) {
            secrets.add(target.token());
            if (resolver != null) {
                resolver.keyFor(target).ifPresent(secrets::add);
            }
        }
        return new Redactor(secrets);
    }

    @Override
    public synchronized void close() {
        if (history != null) {
            history.close();
        }
        if (keys != null) {
            try {
                keys.closer().close();
            } catch (Exception e) {
                // the keychain connection ends with the process anyway
            }
        }
    }
}
