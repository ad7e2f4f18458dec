package dev.ccbridge.app.tray.dbus;

import java.util.List;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/**
 * The StatusNotifierItem interface (freedesktop.org / KDE spec) as D-Bus sees it: what a tray host
 * calls on the item, and the signals that tell it to read a property again. The properties
 * themselves are served through {@code org.freedesktop.DBus.Properties}.
 */
@DBusInterfaceName(StatusNotifierItem.INTERFACE)
public interface StatusNotifierItem extends DBusInterface {
    String INTERFACE = "org.kde.StatusNotifierItem";
    String PATH = "/StatusNotifierItem";

    /** The host wants the menu at (x, y); ours is a dbusmenu, which hosts show themselves. */
    void ContextMenu(int x, int y);

    /** A primary click on the icon. */
    void Activate(int x, int y);

    /** A middle click. */
    void SecondaryActivate(int x, int y);

    void Scroll(int delta, String orientation);

    /** One icon image: width, height, ARGB32 pixels in network byte order. */
    final class Pixmap extends Struct {
        @Position(0)
        public final int width;
        @Position(1)
        public final int height;
        @Position(2)
        public final byte[] argb;

        public Pixmap(int width, int height, byte[] argb) {
            this.width = width;
            this.height = height;
            this.argb = argb;
        }
    }

    /** The ToolTip property: icon name, icon images, title, description. */
    final class ToolTip extends Struct {
        @Position(0)
        public final String iconName;
        @Position(1)
        public final List<Pixmap> icons;
        @Position(2)
        public final String title;
        @Position(3)
        public final String description;

        public ToolTip(String iconName, List<Pixmap> icons, String title, String description) {
            this.iconName = iconName;
            this.icons = icons;
            this.title = title;
            this.description = description;
        }
    }

    final class NewIcon extends DBusSignal {
        public NewIcon(String path) throws DBusException {
            super(path);
        }
    }

    final class NewToolTip extends DBusSignal {
        public NewToolTip(String path) throws DBusException {
            super(path);
        }
    }

    final class NewTitle extends DBusSignal {
        public NewTitle(String path) throws DBusException {
            super(path);
        }
    }

    final class NewStatus extends DBusSignal {
        public final String status;

        public NewStatus(String path, String status) throws DBusException {
            super(path, status);
            this.status = status;
        }
    }
}
