package dev.ccbridge.app.tray.dbus;

import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.tray.TrayView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.Variant;

/**
 * The tray icon exported at {@link StatusNotifierItem#PATH}: hosts read its properties (icon per
 * state, tooltip, status, where the menu is) and call {@code Activate} on a click.
 */
final class ExportedItem implements StatusNotifierItem, ReadOnlyProperties {
    static final String ID = "ccbridge";
    private static final String PIXMAPS = "a(iiay)";

    private volatile TrayView view;

    ExportedItem(TrayView view) {
        this.view = view;
    }

    void update(TrayView next) {
        view = next;
    }

    /**
     * The spec's Status: an error, or a target without its key (every request fails), asks for
     * attention (hosts then keep it out of any overflow area).
     */
    static String status(TrayView view) {
        return switch (view.state()) {
            case ERROR, WARNING -> "NeedsAttention";
            case SERVING, OFF -> "Active";
        };
    }

    @Override
    public void Activate(int x, int y) {
        view.onActivate().run();
    }

    @Override
    public void SecondaryActivate(int x, int y) {
        view.onActivate().run();
    }

    @Override
    public void ContextMenu(int x, int y) {
        // Hosts show the dbusmenu named by the Menu property themselves.
    }

    @Override
    public void Scroll(int delta, String orientation) {
        // Nothing to scroll through.
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    @Override
    public Map<String, Variant<?>> GetAll(String interfaceName) {
        if (!INTERFACE.equals(interfaceName)) {
            return Map.of();
        }
        TrayView shown = view;
        List<Pixmap> icons = Pixmaps.of(shown.state());
        Map<String, Variant<?>> properties = new LinkedHashMap<>();
        properties.put("Category", new Variant<>("ApplicationStatus"));
        properties.put("Id", new Variant<>(ID));
        properties.put("Title", new Variant<>("ccbridge"));
        properties.put("Status", new Variant<>(status(shown)));
        properties.put("WindowId", new Variant<>(0));
        properties.put("IconName", new Variant<>(""));
        properties.put("IconPixmap", new Variant<>(icons, PIXMAPS));
        properties.put("AttentionIconName", new Variant<>(""));
        properties.put("AttentionIconPixmap", new Variant<>(icons, PIXMAPS));
        properties.put("OverlayIconName", new Variant<>(""));
        properties.put("OverlayIconPixmap", new Variant<>(List.of(), PIXMAPS));
        properties.put("ToolTip", new Variant<>(new ToolTip("", List.of(), shown.tooltip(), ""), "(sa(iiay)ss)"));
        properties.put("ItemIsMenu", new Variant<>(false));
        properties.put("Menu", new Variant<>(new DBusPath(DbusMenu.PATH)));
        properties.put("IconThemePath", new Variant<>(""));
        return properties;
    }
}
