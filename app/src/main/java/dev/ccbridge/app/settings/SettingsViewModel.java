package dev.ccbridge.app.settings;

import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.services.LoginStart;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Port, start serving on launch, start at login, log size and history, theme, key storage. Saving
 * (and reading the login entry) runs in the background.
 */
public final class SettingsViewModel {
    public final StringProperty port = new SimpleStringProperty("");
    public final BooleanProperty startServing = new SimpleBooleanProperty();
    public final StringProperty logSize = new SimpleStringProperty("");
    public final StringProperty historyDays = new SimpleStringProperty("");
    public final ObjectProperty<AppSettings.Theme> theme = new SimpleObjectProperty<>(AppSettings.Theme.SYSTEM);
    /** Kept by the desktop, not in the config file: the entry itself is the setting. */
    public final BooleanProperty startAtLogin = new SimpleBooleanProperty();

    private final SettingsStore store;
    private final LoginStart login;
    private final UiExecutor ui;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final BooleanBinding valid;
    private final BooleanBinding dirty;
    private Consumer<AppSettings> onSaved = settings -> { };
    private AppSettings loadedSettings;
    private String loadedPort;
    private boolean loadedStartAtLogin;

    public SettingsViewModel(SettingsStore store, LoginStart login, UiExecutor ui) {
        this.store = store;
        this.login = login;
        this.ui = ui;
        valid = Bindings.createBooleanBinding(() -> portError(port.get()).isEmpty()
                && numberError(logSize.get(), AppSettings.MIN_LOG_SIZE, AppSettings.MAX_LOG_SIZE).isEmpty()
                && numberError(historyDays.get(), 1, 3650).isEmpty(), port, logSize, historyDays);
        dirty = Bindings.createBooleanBinding(() -> !port.get().strip().equals(loadedPort)
                        || !current().equals(loadedSettings) || startAtLogin.get() != loadedStartAtLogin,
                port, startServing, logSize, historyDays, theme, startAtLogin);
        reload();
    }

    public void setOnSaved(Consumer<AppSettings> onSaved) {
        this.onSaved = onSaved;
    }

    public void reload() {
        AppSettings settings = store.settings();
        loadedSettings = settings;
        loadedPort = String.valueOf(store.savedPort());
        port.set(loadedPort);
        startServing.set(settings.startServing());
        logSize.set(String.valueOf(settings.logSize()));
        historyDays.set(String.valueOf(settings.historyDays()));
        theme.set(settings.theme());
        dirty.invalidate();
        readLoginEntry();
    }

    /** The entry as the desktop has it; a box the user already changed stays as they set it. */
    private void readLoginEntry() {
        if (!login.available()) {
            return;
        }
        ui.background(login::enabled, on -> {
            if (startAtLogin.get() == loadedStartAtLogin) {
                startAtLogin.set(on);
            }
            loadedStartAtLogin = on;
            dirty.invalidate();
        }, failure -> message.set("The login entry could not be read: " + failure.getMessage()));
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

    /** True while a save runs (the gateway may be moving to a new port). */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Saves in the background (moving a running gateway to a new port takes a moment); false when invalid. */
    public boolean save() {
        if (!valid.get() || saving.get()) {
            return false;
        }
        AppSettings settings = current();
        int newPort = Integer.parseInt(port.get().strip());
        boolean wantLogin = startAtLogin.get();
        boolean loginChanged = wantLogin != loadedStartAtLogin;
        saving.set(true);
        message.set("Saving\u2026");
        ui.background(() -> {
            store.saveSettings(settings, newPort);
            return loginChanged ? applyStartAtLogin(wantLogin) : "";
        }, loginProblem -> {
            saving.set(false);
            if (loginProblem.isEmpty()) {
                loadedStartAtLogin = wantLogin;
            }
            reload();
            message.set("Saved." + loginProblem);
            onSaved.accept(settings);
        }, failure -> {
            saving.set(false);
            message.set("Not saved: " + failure.getMessage());
        });
        return true;
    }

    /** Adds or removes the login entry (in the background); a sentence about a failure, or "". */
    private String applyStartAtLogin(boolean wanted) {
        try {
            login.set(wanted);
            return "";
        } catch (IOException e) {
            return " Starting at login could not be " + (wanted ? "set up" : "turned off") + ": " + e.getMessage();
        }
    }

    public boolean startAtLoginAvailable() {
        return login.available();
    }

    public String startAtLoginLocation() {
        return login.location();
    }

    /** Set when this session runs on a port given with --port, which the saved setting does not change. */
    public String sessionPortNote() {
        Integer override = store.portOverride();
        return override == null ? "" : "This session uses port " + override + " (given with --port); saving a "
                + "different port here moves it.";
    }

    /** Where keys come from: the same chain as the command line's (`ccbridge keys list` shows it too). */
    public String keyStorageDescription() {
        return store.keyStorageDescription();
    }

    public String configFile() {
        return store.configFile().toString();
    }

    public String dataDir() {
        return store.dataDir().toString();
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
        return new AppSettings(startServing.get(), size, days, theme.get());
    }

    private static int parseOr(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
