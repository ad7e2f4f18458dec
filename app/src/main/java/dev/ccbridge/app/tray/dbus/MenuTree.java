package dev.ccbridge.app.tray.dbus;

import dev.ccbridge.app.tray.TrayItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.types.Variant;

/**
 * One version of the tray menu in dbusmenu's terms: every item numbered depth first (the root is
 * 0), its properties as the spec names them, and a click on a number routed back to the item.
 */
final class MenuTree {
    static final int ROOT = 0;

    private final Map<Integer, Entry> entries = new LinkedHashMap<>();
    private int next = ROOT + 1;

    private record Entry(TrayItem item, List<Integer> children) {}

    MenuTree(List<TrayItem> menu) {
        entries.put(ROOT, new Entry(null, number(menu)));
    }

    private List<Integer> number(List<TrayItem> items) {
        List<Integer> ids = new ArrayList<>();
        for (TrayItem item : items) {
            int id = next++;
            List<Integer> children = item instanceof TrayItem.Submenu submenu ? number(submenu.items()) : List.of();
            entries.put(id, new Entry(item, children));
            ids.add(id);
        }
        return ids;
    }

    boolean contains(int id) {
        return entries.containsKey(id);
    }

    /** The subtree under {@code id}, {@code depth} levels of children deep (-1: all), or empty. */
    Optional<DbusMenu.Node> layout(int id, int depth, Collection<String> names) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        List<Variant<?>> children = new ArrayList<>();
        if (depth != 0) {
            for (int child : entry.children()) {
                layout(child, depth - 1, names).ifPresent(node -> children.add(new Variant<>(node, DbusMenu.Node.SIGNATURE)));
            }
        }
        return Optional.of(new DbusMenu.Node(id, properties(id, names), children));
    }

    /** The item's properties (only {@code names}, when any are given); the defaults are left out, as the spec allows. */
    Map<String, Variant<?>> properties(int id, Collection<String> names) {
        Entry entry = entries.get(id);
        Map<String, Variant<?>> all = new LinkedHashMap<>();
        if (entry == null) {
            return all;
        }
        if (entry.item() == null) {
            all.put("children-display", new Variant<>("submenu"));
        } else {
            describe(entry.item(), all);
        }
        if (!names.isEmpty()) {
            all.keySet().retainAll(names);
        }
        return all;
    }

    private static void describe(TrayItem item, Map<String, Variant<?>> into) {
        switch (item) {
            case TrayItem.Separator separator -> into.put("type", new Variant<>("separator"));
            case TrayItem.Action action -> into.put("label", new Variant<>(label(action.label())));
            case TrayItem.Check check -> toggle(into, check.label(), "checkmark", check.checked());
            case TrayItem.Radio radio -> toggle(into, radio.label(), "radio", radio.selected());
            case TrayItem.Submenu submenu -> {
                into.put("label", new Variant<>(label(submenu.label())));
                into.put("children-display", new Variant<>("submenu"));
            }
        }
    }

    private static void toggle(Map<String, Variant<?>> into, String label, String type, boolean on) {
        into.put("label", new Variant<>(label(label)));
        into.put("toggle-type", new Variant<>(type));
        into.put("toggle-state", new Variant<>(on ? 1 : 0));
    }

    /** dbusmenu reads "_" as the mnemonic mark: a target named "my_model" must keep its underscore. */
    private static String label(String text) {
        return text.replace("_", "__");
    }

    /** Does what a click on item {@code id} means; false when there is no such item or nothing to do. */
    boolean click(int id) {
        Entry entry = entries.get(id);
        if (entry == null || entry.item() == null) {
            return false;
        }
        switch (entry.item()) {
            case TrayItem.Action action -> action.run().run();
            case TrayItem.Check check -> check.onChange().accept(!check.checked());
            case TrayItem.Radio radio -> radio.choose().run();
            case TrayItem.Submenu submenu -> {
                return false;
            }
            case TrayItem.Separator separator -> {
                return false;
            }
        }
        return true;
    }
}
