package dev.ccbridge.app;

import dev.ccbridge.app.autostart.PlatformLoginStart;
import dev.ccbridge.app.log.ExportFiles;
import dev.ccbridge.app.secrets.ObservedSecretStore;
import dev.ccbridge.app.services.AppServices;
import dev.ccbridge.app.services.GatewaySearchSetup;
import dev.ccbridge.app.services.History;
import dev.ccbridge.app.services.LocalGatewayCalls;
import dev.ccbridge.app.services.RegistryTargetStore;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.settings.SettingsStore;
import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.env.ClaudeSettingsCheck;
import dev.ccbridge.core.log.HistoryRecorder;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.secrets.KeyStorage;
import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.target.ConfigWatcher;
import dev.ccbridge.core.target.TargetRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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
    private final ObservedSecretStore secrets;
    private final RequestLog log;
    private final RequestStore history;
    private final HistoryRecorder recorder;
    private final ServerControl server;
    private final List<String> notices;
    private final AppServices services;
    private final boolean firstRun;
    private volatile Integer portOverride;

    private AppContext(AppPaths paths, Integer portOverride, Supplier<KeyStorage> keyChooser) {
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
        keys = keyChooser.get();
        keys.notice().ifPresent(notice -> found.add(notice + " Keys you enter here last for this session only."));
        secrets = new ObservedSecretStore(keys.store());
        log = new RequestLog(settings.logSize(), RequestLog.DEFAULT_BODIES_KEPT);
        history = openHistory(settings, found);
        recorder = history == null ? null : new HistoryRecorder(log, history);
        server = new ServerControl(GatewayContext.standard(registry, secrets, log), this::port);
        secrets.addListener(server::recheckSoon);
        notices = List.copyOf(found);
        services = new AppServices(new RegistryTargetStore(registry), secrets, server,
                new LocalGatewayCalls(server), servedModes(server), log, History.of(history), this, notices,
                ClaudeSettingsCheck.of(System.getenv(), null)::warnings, ExportFiles.onDisk(),
                PlatformLoginStart.forThisPlatform(paths),
                new GatewaySearchSetup(server.context().webSearch(), registry));
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
        return open(paths, portOverride, KeyStorage::open);
    }

    public static AppContext open(AppPaths paths, Integer portOverride, Supplier<KeyStorage> keys) {
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

    /** Where the app stores keys; a key stored or removed here updates the gateway's status at once. */
    public SecretStore secrets() {
        return secrets;
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

    /** Where keys come from: the same chain as the command line's (`ccbridge keys list` shows it too). */
    @Override
    public String keyStorageDescription() {
        String chain = "A target's key is looked up in the " + keys.store().name() + " first, then in the variable"
                + " the target names, then in CCBRIDGE_KEY_<ID>.";
        return keys.keychain() ? "API keys you enter are kept in the " + keys.store().name() + ", shared with"
                + " `ccbridge keys`. " + chain : keys.notice().orElse("") + " " + chain;
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
