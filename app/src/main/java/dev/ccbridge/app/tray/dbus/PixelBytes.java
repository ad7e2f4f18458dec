package dev.ccbridge.app.tray.dbus;

import java.awt.image.BufferedImage;

/** An image's pixels as the byte layouts D-Bus desktop protocols ask for. */
final class PixelBytes {
    private PixelBytes() {}

    /** ARGB32 in network byte order (StatusNotifierItem pixmaps). */
    static byte[] argb(BufferedImage image) {
        return bytes(image, 24, 16, 8, 0);
    }

    /** RGBA, row after row (the notification {@code image-data} hint). */
    static byte[] rgba(BufferedImage image) {
        return bytes(image, 16, 8, 0, 24);
    }

    /** Each pixel's channels in the order of these shifts of its ARGB int. */
    private static byte[] bytes(BufferedImage image, int... shifts) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] out = new byte[width * height * shifts.length];
        int at = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int pixel = image.getRGB(x, y);
                for (int shift : shifts) {
                    out[at++] = (byte) (pixel >>> shift);
                }
            }
        }
        return out;
    }
}
