package dev.ccbridge.app.tray.dbus;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The {@code com.canonical.dbusmenu} interface (libdbusmenu's protocol, version 3): the menu a
 * StatusNotifierItem names in its {@code Menu} property, drawn by the host with the desktop's
 * own menus. Items are numbered; 0 is the root.
 */
@DBusInterfaceName(DbusMenu.INTERFACE)
public interface DbusMenu extends DBusInterface {
    String INTERFACE = "com.canonical.dbusmenu";
    String PATH = "/MenuBar";

    /** The tree under {@code parentId}, {@code recursionDepth} levels deep (-1: all). */
    Pair<UInt32, Node> GetLayout(int parentId, int recursionDepth, List<String> propertyNames);

    List<ItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames);

    Variant<?> GetProperty(int id, String name);

    /** {@code eventId}: "clicked", "hovered", "opened", "closed". */
    void Event(int id, String eventId, Variant<?> data, UInt32 timestamp);

    /** Several events at once; answers the ids that were not found. */
    List<Integer> EventGroup(List<Event> events);

    /** Whether the host must fetch the layout again before showing this submenu. */
    boolean AboutToShow(int id);

    Pair<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids);

    /** An item and its children: {@code (ia{sv}av)}, each child a variant holding the same shape. */
    final class Node extends Struct {
        public static final String SIGNATURE = "(ia{sv}av)";

        @Position(0)
        public final int id;
        @Position(1)
        public final Map<String, Variant<?>> properties;
        @Position(2)
        public final List<Variant<?>> children;

        public Node(int id, Map<String, Variant<?>> properties, List<Variant<?>> children) {
            this.id = id;
            this.properties = properties;
            this.children = children;
        }
    }

    /** One item's properties: {@code (ia{sv})}. */
    final class ItemProperties extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final Map<String, Variant<?>> properties;

        public ItemProperties(int id, Map<String, Variant<?>> properties) {
            this.id = id;
            this.properties = properties;
        }
    }

    /** One item's removed properties: {@code (ias)}. */
    final class RemovedProperties extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final List<String> names;

        public RemovedProperties(int id, List<String> names) {
            this.id = id;
            this.names = names;
        }
    }

    /** One event of {@link #EventGroup}: {@code (isvu)}. */
    final class Event extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final String eventId;
        @Position(2)
        public final Variant<?> data;
        @Position(3)
        public final UInt32 timestamp;

        public Event(int id, String eventId, Variant<?> data, UInt32 timestamp) {
            this.id = id;
            this.eventId = eventId;
            this.data = data;
            this.timestamp = timestamp;
        }
    }

    /** Two return values (dbus-java reads their D-Bus types from the type arguments). */
    final class Pair<A, B> extends Tuple {
        @Position(0)
        public final A first;
        @Position(1)
        public final B second;

        public Pair(A first, B second) {
            this.first = first;
            this.second = second;
        }
    }

    /** The whole menu changed from {@code parent} down: fetch it again. */
    final class LayoutUpdated extends DBusSignal {
        public final UInt32 revision;
        public final int parent;

        public LayoutUpdated(String path, UInt32 revision, int parent) throws DBusException {
            super(path, revision, parent);
            this.revision = revision;
            this.parent = parent;
        }
    }

    final class ItemsPropertiesUpdated extends DBusSignal {
        public final List<ItemProperties> updated;
        public final List<RemovedProperties> removed;

        public ItemsPropertiesUpdated(String path, List<ItemProperties> updated, List<RemovedProperties> removed)
                throws DBusException {
            super(path, updated, removed);
            this.updated = updated;
            this.removed = removed;
        }
    }
}
