package dev.ccbridge.app.tray;

import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.icons.Artwork;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * The tray icons per gateway state, from the rendered artwork ({@code icons/states/*.css}): green
 * when serving, amber when serving but requests would fail (a key is missing), grey with the
 * bridge crossed out when off, red with an exclamation mark on error.
 */
public final class TrayIcons {
    /** The badge fills of the state stylesheets (tests compare rendered pixels with them). */
    public static final Color SERVING = new Color(0x1F, 0x9D, 0x55);
    public static final Color WARNING = new Color(0xE0, 0xA1, 0x00);
    public static final Color OFF = new Color(0x8A, 0x8F, 0x98);
    public static final Color ERROR = new Color(0xD6, 0x45, 0x45);

    private static final Map<String, BufferedImage> LOADED = new ConcurrentHashMap<>();

    private TrayIcons() {}

    /**
     * The icon for this state, {@code size} pixels square: the rendered file of that size, or the
     * next larger one scaled down (smoothly) where the tray asks for a size not rendered.
     */
    public static BufferedImage image(ServerControl.State state, int size) {
        int pixels = Math.max(16, size);
        int rendered = Artwork.atLeast(Artwork.TRAY_SIZES, pixels);
        BufferedImage source = LOADED.computeIfAbsent(state + "@" + rendered, key -> load(state, rendered));
        return rendered == pixels ? source : scaled(source, pixels);
    }

    private static BufferedImage load(ServerControl.State state, int size) {
        try {
            BufferedImage read = ImageIO.read(Artwork.tray(state, size));
            // ARGB whatever the PNG's own layout, so callers read colours the same way. Copied pixel
            // by pixel, not drawn: drawing would start AWT's X11 graphics next to GTK (see docs/app.md).
            int width = read.getWidth();
            int height = read.getHeight();
            var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            image.setRGB(0, 0, width, height, read.getRGB(0, 0, width, height, null, 0, width), 0, width);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tray icon for " + state, e);
        }
    }

    private static BufferedImage scaled(BufferedImage source, int pixels) {
        var image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, pixels, pixels, null);
        } finally {
            g.dispose();
        }
        return image;
    }
}
