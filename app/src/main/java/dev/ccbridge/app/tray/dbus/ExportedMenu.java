package dev.ccbridge.app.tray.dbus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The tray menu exported at {@link DbusMenu#PATH}: the host reads the layout, shows it with the
 * desktop's menus and sends a "clicked" event back. Each new {@link MenuTree} is a new revision.
 */
final class ExportedMenu implements DbusMenu, ReadOnlyProperties {
    private final AtomicLong revision = new AtomicLong();
    private volatile MenuTree tree = new MenuTree(List.of());

    /** Replaces the menu; the new revision, for the {@code LayoutUpdated} signal. */
    UInt32 replace(MenuTree next) {
        tree = next;
        return new UInt32(revision.incrementAndGet());
    }

    @Override
    public Pair<UInt32, Node> GetLayout(int parentId, int recursionDepth, List<String> propertyNames) {
        MenuTree current = tree;
        UInt32 at = new UInt32(revision.get());
        Node node = current.layout(parentId, recursionDepth, propertyNames)
                .orElseThrow(() -> new DBusExecutionException("no menu item " + parentId));
        return new Pair<>(at, node);
    }

    @Override
    public List<ItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames) {
        MenuTree current = tree;
        List<ItemProperties> found = new ArrayList<>();
        for (int id : ids) {
            if (current.contains(id)) {
                found.add(new ItemProperties(id, current.properties(id, propertyNames)));
            }
        }
        return found;
    }

    @Override
    public Variant<?> GetProperty(int id, String name) {
        Variant<?> value = tree.properties(id, List.of(name)).get(name);
        if (value == null) {
            throw new DBusExecutionException("menu item " + id + " has no property " + name);
        }
        return value;
    }

    @Override
    public void Event(int id, String eventId, Variant<?> data, UInt32 timestamp) {
        if ("clicked".equals(eventId)) {
            tree.click(id);
        }
    }

    @Override
    public List<Integer> EventGroup(List<Event> events) {
        MenuTree current = tree;
        List<Integer> notFound = new ArrayList<>();
        for (Event event : events) {
            if (!current.contains(event.id)) {
                notFound.add(event.id);
            } else if ("clicked".equals(event.eventId)) {
                current.click(event.id);
            }
        }
        return notFound;
    }

    @Override
    public boolean AboutToShow(int id) {
        return false; // the layout is always complete: nothing to fetch before a submenu opens
    }

    @Override
    public Pair<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids) {
        MenuTree current = tree;
        return new Pair<>(List.of(), ids.stream().filter(id -> !current.contains(id)).toList());
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    // The menu's own properties (org.freedesktop.DBus.Properties).
    @Override
    public Map<String, Variant<?>> GetAll(String interfaceName) {
        if (!INTERFACE.equals(interfaceName)) {
            return Map.of();
        }
        return Map.of(
                "Version", new Variant<>(new UInt32(3)),
                "TextDirection", new Variant<>("ltr"),
                "Status", new Variant<>("normal"),
                "IconThemePath", new Variant<>(List.of(), "as"));
    }
}
