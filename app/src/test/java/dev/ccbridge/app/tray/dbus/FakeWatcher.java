package dev.ccbridge.app.tray.dbus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.Variant;

/**
 * A panel's StatusNotifierWatcher as the spec describes it: owns the well-known name, takes item
 * registrations, says a host is registered. Tests read what registered from {@link #items}.
 */
final class FakeWatcher implements StatusNotifierWatcher, ReadOnlyProperties {
    final List<String> items = new CopyOnWriteArrayList<>();
    private final DBusConnection bus;

    private FakeWatcher(DBusConnection bus) {
        this.bus = bus;
    }

    static FakeWatcher start(DBusConnection bus) throws DBusException {
        var watcher = new FakeWatcher(bus);
        bus.exportObject(watcher);
        bus.requestBusName(BUS_NAME);
        return watcher;
    }

    /** The panel quits: its name goes, and with it every registration. */
    void stop() throws DBusException {
        bus.releaseBusName(BUS_NAME);
        bus.unExportObject(PATH);
    }

    @Override
    public void RegisterStatusNotifierItem(String service) {
        items.add(service);
        try {
            bus.sendMessage(new StatusNotifierItemRegistered(PATH, service));
        } catch (DBusException e) {
            throw new DBusExecutionException(e.getMessage());
        }
    }

    @Override
    public void RegisterStatusNotifierHost(String service) {
        // The test is the only host.
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    @Override
    public Map<String, Variant<?>> GetAll(String interfaceName) {
        return Map.of("IsStatusNotifierHostRegistered", new Variant<>(true),
                "RegisteredStatusNotifierItems", new Variant<>(List.copyOf(items), "as"),
                "ProtocolVersion", new Variant<>(0));
    }
}
