package dev.ccbridge.app.tray.dbus;

import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.icons.Artwork;
import dev.ccbridge.app.tray.TrayIcons;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tray icon as StatusNotifierItem pixmaps: every rendered size, so the host picks the one that
 * fits its panel (and its scale), each ARGB32 in network byte order as the spec asks.
 */
final class Pixmaps {
    private static final Map<ServerControl.State, List<StatusNotifierItem.Pixmap>> BY_STATE = new ConcurrentHashMap<>();

    private Pixmaps() {}

    static List<StatusNotifierItem.Pixmap> of(ServerControl.State state) {
        return BY_STATE.computeIfAbsent(state, s -> Arrays.stream(Artwork.TRAY_SIZES)
                .mapToObj(size -> pixmap(TrayIcons.image(s, size)))
                .toList());
    }

    static StatusNotifierItem.Pixmap pixmap(BufferedImage image) {
        return new StatusNotifierItem.Pixmap(image.getWidth(), image.getHeight(), PixelBytes.argb(image));
    }
}
