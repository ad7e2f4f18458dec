package dev.ccbridge.app.testing;

import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;

/**
 * Drives xfce4-panel's status tray on the private X display ({@link DesktopSession#ensureStatusNotifierHost}):
 * finds the tray icon by its badge colour, opens its menu and submenus with xdotool, and saves what
 * the screen shows. Used by the tray test and by the docs' screenshots.
 */
public final class PanelDriver {
    /** The panel is 28 px high along the top; its menus open just below it, items about 25 px apart. */
    public static final int PANEL_HEIGHT = 28;
    public static final int MENU_ITEM_HEIGHT = 25;
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final Robot robot;

    public PanelDriver() {
        try {
            robot = new Robot();
        } catch (java.awt.AWTException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the panel strip shows the badge colour (the icon's lower middle), once it does. */
    public Point awaitIcon(String what, Color badge) {
        return Awaitility.await(what).atMost(PATIENCE).until(() -> find(badge), found -> found != null);
    }

    /** Opens the icon's menu with a right click; the y of its first item ("Enabled"). */
    public int openMenu(Point icon) {
        xdotool("mousemove", String.valueOf(icon.x), String.valueOf(icon.y), "click", "3");
        int firstY = PANEL_HEIGHT + MENU_ITEM_HEIGHT / 2 + 4;
        Awaitility.await("the menu opens below the panel").atMost(PATIENCE)
                .until(() -> !isBackground(robot.getPixelColor(icon.x + 30, firstY)));
        return firstY;
    }

    /** Hovers the menu item at {@code y} until its submenu opens beside the menu. */
    public void openSubmenu(Point icon, int y) {
        xdotool("mousemove", String.valueOf(icon.x + 40), String.valueOf(y));
        pause(Duration.ofMillis(200));
        xdotool("mousemove", String.valueOf(icon.x + 70), String.valueOf(y));
        Awaitility.await("the submenu opens").atMost(PATIENCE)
                .until(() -> !isBackground(robot.getPixelColor(icon.x + 230, y + MENU_ITEM_HEIGHT)));
        pause(Duration.ofMillis(300)); // the panel finishes drawing the highlight after the submenu appears
    }

    public Color pixel(int x, int y) {
        return robot.getPixelColor(x, y);
    }

    /** Saves the screen's {@code area} as a PNG. */
    public Path save(Path file, Rectangle area) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(robot.createScreenCapture(area), "png", file.toFile());
        return file;
    }

    public static void xdotool(String... arguments) {
        var command = new ArrayList<>(List.of(DesktopSession.program("xdotool", "xdotool")));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Point find(Color badge) {
        BufferedImage strip = robot.createScreenCapture(new Rectangle(0, 0, 400, PANEL_HEIGHT));
        for (int x = 0; x < strip.getWidth(); x++) {
            for (int y = 0; y < strip.getHeight(); y++) {
                if ((strip.getRGB(x, y) & 0xFFFFFF) == (badge.getRGB() & 0xFFFFFF)) {
                    return new Point(x, PANEL_HEIGHT / 2);
                }
            }
        }
        return null;
    }

    /** Xvfb's bare root window is black; anything else there was drawn by the panel. */
    public static boolean isBackground(Color colour) {
        return colour.getRed() < 16 && colour.getGreen() < 16 && colour.getBlue() < 16;
    }

    /** Hands the pointer to the panel for a moment (it opens submenus and tooltips after a hover delay). */
    public static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
