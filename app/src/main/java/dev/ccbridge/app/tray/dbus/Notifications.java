package dev.ccbridge.app.tray.dbus;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** The freedesktop.org Desktop Notifications interface (the desktop's own notification bubbles). */
@DBusInterfaceName(Notifications.INTERFACE)
public interface Notifications extends DBusInterface {
    String INTERFACE = "org.freedesktop.Notifications";
    String BUS_NAME = "org.freedesktop.Notifications";
    String PATH = "/org/freedesktop/Notifications";

    /** Shows a notice (or replaces notice {@code replacesId}); answers its id. */
    UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                  List<String> actions, Map<String, Variant<?>> hints, int expireTimeout);

    List<String> GetCapabilities();

    void CloseNotification(UInt32 id);

    /** The {@code image-data} hint: {@code (iiibiiay)}, RGBA rows. */
    final class Image extends Struct {
        public static final String SIGNATURE = "(iiibiiay)";

        @Position(0)
        public final int width;
        @Position(1)
        public final int height;
        @Position(2)
        public final int rowStride;
        @Position(3)
        public final boolean hasAlpha;
        @Position(4)
        public final int bitsPerSample;
        @Position(5)
        public final int channels;
        @Position(6)
        public final byte[] data;

        public Image(int width, int height, int rowStride, boolean hasAlpha, int bitsPerSample, int channels,
                     byte[] data) {
            this.width = width;
            this.height = height;
            this.rowStride = rowStride;
            this.hasAlpha = hasAlpha;
            this.bitsPerSample = bitsPerSample;
            this.channels = channels;
            this.data = data;
        }
    }
}
