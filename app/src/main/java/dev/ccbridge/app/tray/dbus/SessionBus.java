package dev.ccbridge.app.tray.dbus;

import java.util.Arrays;
import java.util.Optional;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop session's D-Bus: the tray's own connection, and who is on it. */
public final class SessionBus {
    private static final Logger LOG = LoggerFactory.getLogger(SessionBus.class);

    private SessionBus() {}

    /** A private connection to the session bus (never the keychain's shared one), or empty without a bus. */
    public static Optional<DBusConnection> connect() {
        try {
            return Optional.of(ordered(DBusConnectionBuilder.forSessionBus()).build());
        } catch (DBusException | RuntimeException e) {
            LOG.info("no D-Bus session bus: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** A connection to the bus at {@code address} set up like {@link #connect()} (tests' private buses). */
    public static DBusConnection connect(String address) throws DBusException {
        return ordered(DBusConnectionBuilder.forAddress(address)).build();
    }

    /**
     * One thread answers the calls made to us, so replies leave in the order the calls came, as
     * GLib and Qt services answer. libdbusmenu asks for a parent's and its children's properties in
     * two calls; answered out of order, a host drew the submenu empty.
     */
    private static DBusConnectionBuilder ordered(DBusConnectionBuilder builder) {
        return builder.withShared(false).withMethodCallThreadCount(1);
    }

    public static boolean hasOwner(DBusConnection bus, String name) {
        try {
            return daemon(bus).NameHasOwner(name);
        } catch (DBusException | DBusExecutionException e) {
            return false;
        }
    }

    /** Running now, or started by the bus on the first call (notification servers often are). */
    public static boolean hasOwnerOrActivatable(DBusConnection bus, String name) {
        try {
            DBus daemon = daemon(bus);
            return daemon.NameHasOwner(name) || Arrays.asList(daemon.ListActivatableNames()).contains(name);
        } catch (DBusException | DBusExecutionException e) {
            return false;
        }
    }

    static DBus daemon(DBusConnection bus) throws DBusException {
        return bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
    }
}
