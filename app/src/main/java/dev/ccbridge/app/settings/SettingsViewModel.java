package dev.ccbridge.app.settings;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.autostart.LaunchCommand;
import dev.ccbridge.app.autostart.StartAtLogin;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Port, start serving on launch, start at login, log size and history, theme, key storage. */
public final class SettingsViewModel {
    public final StringProperty port = new SimpleStringProperty("");
    public final BooleanProperty startServing = new SimpleBooleanProperty();
    public final StringProperty logSize = new SimpleStringProperty("");
    public final StringProperty historyDays = new SimpleStringProperty("");
    public final ObjectProperty<AppSettings.Theme> theme = new SimpleObjectProperty<>(AppSettings.Theme.SYSTEM);
    public final BooleanProperty envKeys = new SimpleBooleanProperty();
    /** Kept by the desktop, not in the config file: the entry itself is the setting. */
    public final BooleanProperty startAtLogin = new SimpleBooleanProperty();

    private final AppContext context;
    private final StartAtLogin login;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;
    private final BooleanBinding dirty;
    private Consumer<AppSettings> onSaved = settings -> { };
    private AppSettings loadedSettings;
    private String loadedPort;
    private boolean loadedStartAtLogin;

    public SettingsViewModel(AppContext context) {
        this(context, StartAtLogin.forThisPlatform());
    }

    public SettingsViewModel(AppContext context, StartAtLogin login) {
        this.context = context;
        this.login = login;
        valid = Bindings.createBooleanBinding(() -> portError(port.get()).isEmpty()
                && numberError(logSize.get(), AppSettings.MIN_LOG_SIZE, AppSettings.MAX_LOG_SIZE).isEmpty()
                && numberError(historyDays.get(), 1, 3650).isEmpty(), port, logSize, historyDays);
        dirty = Bindings.createBooleanBinding(() -> !port.get().strip().equals(loadedPort)
                        || !current().equals(loadedSettings) || startAtLogin.get() != loadedStartAtLogin,
                port, startServing, logSize, historyDays, theme, envKeys, startAtLogin);
        reload();
    }

    public void setOnSaved(Consumer<AppSettings> onSaved) {
        this.onSaved = onSaved;
    }

    public void reload() {
        AppSettings settings = context.settings();
        loadedSettings = settings;
        loadedPort = String.valueOf(context.registry().config().port());
        port.set(loadedPort);
        startServing.set(settings.startServing());
        logSize.set(String.valueOf(settings.logSize()));
        historyDays.set(String.valueOf(settings.historyDays()));
        theme.set(settings.theme());
        envKeys.set(settings.envKeys());
        loadedStartAtLogin = login.enabled();
        startAtLogin.set(loadedStartAtLogin);
        dirty.invalidate();
    }

    public BooleanBinding validBinding() {
        return valid;
    }

    public BooleanBinding dirtyBinding() {
        return dirty;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Saves (blocking briefly if the gateway moves to a new port). */
    public boolean save() {
        if (!valid.get()) {
            return false;
        }
        boolean keysChanged = envKeys.get() != loadedSettings.envKeys();
        AppSettings settings = current();
        context.saveSettings(settings, Integer.parseInt(port.get().strip()));
        String loginProblem = applyStartAtLogin(startAtLogin.get());
        reload();
        message.set("Saved." + (keysChanged && !context.keyStorage().keychain()
                ? " The key storage choice applies from the next start." : "") + loginProblem);
        onSaved.accept(settings);
        return true;
    }

    /** Adds or removes the login entry when that changed; a sentence about a failure, or "". */
    private String applyStartAtLogin(boolean wanted) {
        if (wanted == loadedStartAtLogin) {
            return "";
        }
        try {
            if (wanted) {
                login.enable(LaunchCommand.of(context.paths()));
            } else {
                login.disable();
            }
            return "";
        } catch (IOException e) {
            return " Starting at login could not be " + (wanted ? "set up" : "turned off") + ": " + e.getMessage();
        }
    }

    public boolean startAtLoginAvailable() {
        return !(login instanceof StartAtLogin.Unsupported);
    }

    public String startAtLoginLocation() {
        return login.location();
    }

    /** Set when this session runs on a port given with --port, which the saved setting does not change. */
    public String sessionPortNote() {
        Integer override = context.portOverride();
        return override == null ? "" : "This session uses port " + override + " (given with --port); saving a "
                + "different port here moves it.";
    }

    public String keyStorageDescription() {
        var keys = context.keyStorage();
        return keys.keychain() ? "API keys are kept in the " + keys.store().name() + "."
                : keys.notice().orElse("API keys are kept in " + keys.store().name() + ".");
    }

    public boolean keychainAvailable() {
        return context.keyStorage().keychain();
    }

    public String configFile() {
        return context.paths().configFile().toString();
    }

    public String dataDir() {
        return context.paths().dataDir().toString();
    }

    public static Optional<String> portError(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value >= 1024 && value <= 65535 ? Optional.empty()
                    : Optional.of("Choose a port between 1024 and 65535");
        } catch (NumberFormatException e) {
            return Optional.of("The port is a number, e.g. 8787");
        }
    }

    public static Optional<String> numberError(String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            return value >= min && value <= max ? Optional.empty()
                    : Optional.of("Choose a number from " + min + " to " + max);
        } catch (NumberFormatException e) {
            return Optional.of("A whole number, from " + min + " to " + max);
        }
    }

    private AppSettings current() {
        int size = parseOr(logSize.get(), loadedSettings == null ? AppSettings.DEFAULTS.logSize() : loadedSettings.logSize());
        int days = parseOr(historyDays.get(), loadedSettings == null ? AppSettings.DEFAULTS.historyDays() : loadedSettings.historyDays());
        return new AppSettings(startServing.get(), size, days, theme.get(), envKeys.get());
    }

    private static int parseOr(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
