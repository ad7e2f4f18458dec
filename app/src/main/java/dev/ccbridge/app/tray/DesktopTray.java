package dev.ccbridge.app.tray;

import dev.ccbridge.app.tray.dbus.DesktopNotifications;
import dev.ccbridge.app.tray.dbus.SessionBus;
import dev.ccbridge.app.tray.dbus.StatusNotifierTray;
import java.util.Locale;
import java.util.concurrent.Executors;
import org.freedesktop.dbus.connections.impl.DBusConnection;

/**
 * Picks this desktop's tray. Linux: a StatusNotifierItem when the panel shows them (KDE, XFCE,
 * Cinnamon, GNOME with the AppIndicator extension), else AWT's XEmbed icon; notices through the
 * desktop's notification server either way. Windows and macOS: AWT, which there is the native
 * notification area and menu bar, with their own notices.
 */
public final class DesktopTray {
    private DesktopTray() {}

    /** May talk to the session bus: call it off the FX thread. */
    public static TrayAdapter forThisDesktop() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return new AwtTrayAdapter();
        }
        DBusConnection bus = SessionBus.connect().orElse(null);
        if (bus == null) {
            return new AwtTrayAdapter();
        }
        Notifier notices = DesktopNotifications.available(bus)
                ? new DesktopNotifications(bus, Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
                        .name("ccbridge-notices").factory()))
                : null;
        if (StatusNotifierTray.hostPresent(bus)) {
            return new StatusNotifierTray(bus, notices != null ? notices : (title, message) -> { });
        }
        if (notices == null) {
            bus.disconnect();
            return new AwtTrayAdapter();
        }
        return new AwtTrayAdapter(notices);
    }
}
