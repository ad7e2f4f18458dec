package dev.ccbridge.app.tray;

import dev.ccbridge.app.ServerControl;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;

/**
 * Simple state icons drawn in code (a round badge with a bridge arch): green when serving, grey
 * when off, red with a mark on error. Designed artwork replaces these later.
 */
public final class TrayIcons {
    public static final Color SERVING = new Color(0x1F, 0x9D, 0x55);
    public static final Color OFF = new Color(0x8A, 0x8F, 0x98);
    public static final Color ERROR = new Color(0xD6, 0x45, 0x45);

    private TrayIcons() {}

    public static Color colorOf(ServerControl.State state) {
        return switch (state) {
            case SERVING -> SERVING;
            case OFF -> OFF;
            case ERROR -> ERROR;
        };
    }

    public static BufferedImage image(ServerControl.State state, int size) {
        int s = Math.max(16, size);
        var image = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double pad = s * 0.04;
            g.setColor(colorOf(state));
            g.fill(new Ellipse2D.Double(pad, pad, s - 2 * pad, s - 2 * pad));
            g.setColor(Color.WHITE);
            float stroke = (float) Math.max(1.5, s * 0.09);
            g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            // The arch and the deck of a bridge.
            double w = s * 0.56;
            double x = (s - w) / 2;
            g.draw(new Arc2D.Double(x, s * 0.36, w, s * 0.44, 0, 180, Arc2D.OPEN));
            g.drawLine((int) Math.round(s * 0.2), (int) Math.round(s * 0.58), (int) Math.round(s * 0.8),
                    (int) Math.round(s * 0.58));
            if (state == ServerControl.State.ERROR) {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(s * 0.36)));
                var metrics = g.getFontMetrics();
                String mark = "!";
                g.drawString(mark, (s - metrics.stringWidth(mark)) / 2, (int) Math.round(s * 0.47));
            } else if (state == ServerControl.State.OFF) {
                g.draw(new java.awt.geom.Line2D.Double(s * 0.28, s * 0.74, s * 0.72, s * 0.3));
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
