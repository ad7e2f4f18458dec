package dev.ccbridge.app;

import dev.ccbridge.app.env.ClaudeSettingsCheck;
import dev.ccbridge.app.log.ExportFiles;
import dev.ccbridge.app.log.HistoryRecorder;
import dev.ccbridge.app.secrets.KeyStorage;
import dev.ccbridge.app.services.AppServices;
import dev.ccbridge.app.services.History;
import dev.ccbridge.app.services.LocalGatewayCalls;
import dev.ccbridge.app.services.RegistryTargetStore;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.settings.SettingsStore;
import dev.ccbridge.core.Gateway;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.secrets.KeyringSecretStore;
import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.target.ConfigWatcher;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.TargetRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one wiring of the app: config, targets, keys, request log and history, the gateway. No
 * JavaFX here, so it is built and tested without a toolkit; the window's view models get the
 * small services of {@link #services()}, not this.
 */
public final class AppContext implements SettingsStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final AppPaths paths;
    private final ConfigStore configStore;
    private final TargetRegistry registry;
    private final ConfigWatcher watcher;
    private final KeyStorage keys;
    private final RequestLog log;
    private final RequestStore history;
    private final HistoryRecorder recorder;
    private final ServerControl server;
    private final List<String> notices;
    private final AppServices services;
    private final boolean firstRun;
    private volatile Integer portOverride;

    private AppContext(AppPaths paths, Integer portOverride, Function<AppSettings, KeyStorage> keyChooser) {
        this.paths = paths;
        this.portOverride = portOverride;
        List<String> found = new ArrayList<>();
        configStore = new ConfigStore(paths.configFile());
        ConfigStore.Loaded loaded = configStore.load();
        found.addAll(loaded.warnings());
        firstRun = loaded.created();
        registry = new TargetRegistry(loaded.config(), configStore);
        watcher = startWatcher(found);
        AppSettings settings = settings();
        keys = keyChooser.apply(settings);
        keys.notice().ifPresent(found::add);
        log = new RequestLog(settings.logSize(), RequestLog.DEFAULT_BODIES_KEPT);
        history = openHistory(settings, found);
        recorder = history == null ? null : new HistoryRecorder(log, history);
        server = new ServerControl(Gateway.context(registry, keys.store(), log), this::port);
        notices = List.copyOf(found);
        services = new AppServices(new RegistryTargetStore(registry), keys.store(), server,
                new LocalGatewayCalls(server), servedModes(server), log, History.of(history), this, notices,
                ClaudeSettingsCheck.forUser(), ExportFiles.onDisk());
    }

    private static Set<ApiMode> servedModes(ServerControl server) {
        Set<ApiMode> modes = EnumSet.noneOf(ApiMode.class);
        for (ApiMode mode : ApiMode.values()) {
            if (server.context().upstreams().forMode(mode).isPresent()) {
                modes.add(mode);
            }
        }
        return modes;
    }

    /** The real app: keys in the OS keychain when there is one. */
    public static AppContext open(AppPaths paths, Integer portOverride) {
        return open(paths, portOverride, settings ->
                KeyStorage.choose(KeyringSecretStore::open, settings.envKeys(), System.getenv()));
    }

    public static AppContext open(AppPaths paths, Integer portOverride, Function<AppSettings, KeyStorage> keys) {
        return new AppContext(paths, portOverride, keys);
    }

    private ConfigWatcher startWatcher(List<String> found) {
        try {
            return ConfigWatcher.start(configStore, registry);
        } catch (IOException e) {
            found.add("Changes made to " + paths.configFile() + " by other programs will need a restart ("
                    + e.getMessage() + ")");
            return null;
        }
    }

    private RequestStore openHistory(AppSettings settings, List<String> found) {
        try {
            return RequestStore.open(paths.historyDatabase(),
                    new RequestStore.Retention(settings.logSize(), settings.historyDays()));
        } catch (RuntimeException e) {
            LOG.warn("history unavailable", e);
            found.add("The request history could not be opened (" + e.getMessage()
                    + "); the log and usage start empty and are not kept.");
            return null;
        }
    }

    public AppPaths paths() {
        return paths;
    }

    public ConfigStore configStore() {
        return configStore;
    }

    public TargetRegistry registry() {
        return registry;
    }

    public SecretStore secrets() {
        return keys.store();
    }

    public RequestLog log() {
        return log;
    }

    public Optional<RequestStore> history() {
        return Optional.ofNullable(history);
    }

    public ServerControl server() {
        return server;
    }

    /** The services the window's view models use. */
    public AppServices services() {
        return services;
    }

    /** Things the user should read: config problems, keys kept only for the session. */
    public List<String> notices() {
        return notices;
    }

    /** The config file did not exist before this launch. */
    public boolean firstRun() {
        return firstRun;
    }

    @Override
    public AppSettings settings() {
        return AppSettings.of(registry.config());
    }

    @Override
    public int savedPort() {
        return registry.config().port();
    }

    public int port() {
        Integer override = portOverride;
        return override != null ? override : registry.config().port();
    }

    @Override
    public Integer portOverride() {
        return portOverride;
    }

    /**
     * Saves settings and port. A port different from the saved one also ends a {@code --port}
     * override; a running gateway moves to the port now in use; the history gets the new limits.
     */
    @Override
    public void saveSettings(AppSettings settings, int port) {
        int before = port();
        boolean portChanged = port != registry.config().port();
        registry.update(settings.applyTo(registry.config()).withPort(port));
        if (portChanged) {
            portOverride = null;
        }
        if (port() != before) {
            server.restartIfServing();
        }
        if (history != null) {
            history.setRetention(new RequestStore.Retention(settings.logSize(), settings.historyDays()));
        }
    }

    @Override
    public String keyStorageDescription() {
        return keys.keychain() ? "API keys are kept in the " + keys.store().name() + "."
                : keys.notice().orElse("API keys are kept in " + keys.store().name() + ".");
    }

    @Override
    public boolean keychain() {
        return keys.keychain();
    }

    @Override
    public Path configFile() {
        return paths.configFile();
    }

    @Override
    public Path dataDir() {
        return paths.dataDir();
    }

    /** Waits for pending history writes (tests). */
    public void flushHistory() {
        if (recorder != null) {
            recorder.flush();
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        server.close();
        if (recorder != null) {
            recorder.close();
        }
        if (history != null) {
            history.close();
        }
        try {
            keys.closer().close();
        } catch (Exception e) {
            LOG.debug("closing the key store", e);
        }
    }
}
