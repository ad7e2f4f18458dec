package dev.ccbridge.app.tray.dbus;

import dev.ccbridge.app.icons.Artwork;
import dev.ccbridge.app.tray.Notifier;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices through {@code org.freedesktop.Notifications}: the desktop's own bubbles (GNOME, KDE,
 * XFCE, dunst, ...), with the app icon. A new notice replaces the previous one instead of piling up.
 */
public final class DesktopNotifications implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifications.class);
    private static final int APP_ICON_SIZE = 48;

    private final DBusConnection bus;
    private final Executor executor;
    private final AtomicReference<UInt32> shown = new AtomicReference<>(new UInt32(0));
    private Boolean markup; // asked once, on the executor's thread

    /** {@code executor}: where the D-Bus calls run (one thread keeps the notices in order). */
    public DesktopNotifications(DBusConnection bus, Executor executor) {
        this.bus = bus;
        this.executor = executor;
    }

    /** Whether a notification server is on this bus (or can be started by it). */
    public static boolean available(DBusConnection bus) {
        return SessionBus.hasOwnerOrActivatable(bus, Notifications.BUS_NAME);
    }

    @Override
    public void notify(String title, String message) {
        executor.execute(() -> send(title, message));
    }

    private void send(String title, String message) {
        try {
            Notifications server = bus.getRemoteObject(Notifications.BUS_NAME, Notifications.PATH, Notifications.class);
            String body = supportsMarkup(server) ? escape(message) : message;
            UInt32 id = server.Notify("ccbridge", shown.get(), "", title, body, List.of(), hints(), -1);
            shown.set(id);
        } catch (DBusException | DBusExecutionException e) {
            LOG.info("the desktop did not show the notice '{}': {}", title, e.getMessage());
        }
    }

    private boolean supportsMarkup(Notifications server) {
        if (markup == null) {
            markup = server.GetCapabilities().contains("body-markup");
        }
        return markup;
    }

    /** Servers that read the body as markup would swallow "<...>" in a message (e.g. a path). */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, Variant<?>> hints() {
        return Map.of("image-data", new Variant<>(AppIcon.IMAGE, Notifications.Image.SIGNATURE),
                "urgency", new Variant<>((byte) 1));
    }

    /** The app icon as the {@code image-data} hint wants it: RGBA, row after row. */
    private static final class AppIcon {
        static final Notifications.Image IMAGE = load();

        private static Notifications.Image load() {
            try {
                BufferedImage image = ImageIO.read(Artwork.app(APP_ICON_SIZE));
                int width = image.getWidth();
                return new Notifications.Image(width, image.getHeight(), width * 4, true, 8, 4, PixelBytes.rgba(image));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the app icon", e);
            }
        }
    }
}
