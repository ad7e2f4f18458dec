package dev.ccbridge.app.tray.dbus;

import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * {@code org.freedesktop.DBus.Properties} for an exported object whose properties are all read
 * from {@link #GetAll}: hosts read them, nobody writes them.
 */
public interface ReadOnlyProperties extends Properties {
    @Override
    @SuppressWarnings("unchecked")
    default <A> A Get(String interfaceName, String propertyName) {
        Variant<?> value = GetAll(interfaceName).get(propertyName);
        if (value == null) {
            throw new DBusExecutionException("no property " + interfaceName + "." + propertyName);
        }
        return (A) value;
    }

    @Override
    default <A> void Set(String interfaceName, String propertyName, A value) {
        throw new DBusExecutionException(interfaceName + "." + propertyName + " is read-only");
    }
}
