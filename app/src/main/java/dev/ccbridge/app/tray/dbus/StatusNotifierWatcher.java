package dev.ccbridge.app.tray.dbus;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/**
 * The StatusNotifierWatcher, run by the desktop's panel (KDE Plasma, XFCE, the GNOME AppIndicator
 * extension, ...): an item registers here, and the hosts learn of it from its signals.
 */
@DBusInterfaceName(StatusNotifierWatcher.INTERFACE)
public interface StatusNotifierWatcher extends DBusInterface {
    String INTERFACE = "org.kde.StatusNotifierWatcher";
    String BUS_NAME = "org.kde.StatusNotifierWatcher";
    String PATH = "/StatusNotifierWatcher";

    /** {@code service}: the item's bus name (its object then sits at {@link StatusNotifierItem#PATH}). */
    void RegisterStatusNotifierItem(String service);

    void RegisterStatusNotifierHost(String service);

    final class StatusNotifierItemRegistered extends DBusSignal {
        public final String service;

        public StatusNotifierItemRegistered(String path, String service) throws DBusException {
            super(path, service);
            this.service = service;
        }
    }

    final class StatusNotifierItemUnregistered extends DBusSignal {
        public final String service;

        public StatusNotifierItemUnregistered(String path, String service) throws DBusException {
            super(path, service);
            this.service = service;
        }
    }

    final class StatusNotifierHostRegistered extends DBusSignal {
        public StatusNotifierHostRegistered(String path) throws DBusException {
            super(path);
        }
    }
}
