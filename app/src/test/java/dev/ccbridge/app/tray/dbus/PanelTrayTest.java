package dev.ccbridge.app.tray.dbus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.testing.DesktopSession;
import dev.ccbridge.app.tray.DesktopTray;
import dev.ccbridge.app.tray.RecordingActions;
import dev.ccbridge.app.tray.TrayAdapter;
import dev.ccbridge.app.tray.TrayController;
import dev.ccbridge.app.tray.TrayIcons;
import dev.ccbridge.core.Gateway;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.ProxyConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.interfaces.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tray in a real panel: xfce4-panel's status tray (a StatusNotifier host that draws dbusmenu
 * menus with GTK) on a private X display and session bus. The icon must appear, its menu must open
 * on a right click and a click in it must reach the gateway. Screenshots land in
 * target/tray-screenshots for review.
 */
@Tag("desktop")
@ExtendWith(DesktopSession.StatusNotifierHost.class)
class PanelTrayTest {
    /** The panel is 28 px high along the top; its menus open just below it, items about 25 px apart. */
    private static final int PANEL_HEIGHT = 28;
    private static final int MENU_ITEM_HEIGHT = 25;
    private static final Path SHOTS = Path.of("target", "tray-screenshots");

    private final Robot robot = robot();
    private TargetRegistry registry;
    private ServerControl server;
    private TrayAdapter adapter;
    private TrayController controller;

    @BeforeEach
    void setUp() {
        registry = new TargetRegistry(new ProxyConfig(1, 0, null, null, List.of(), null), null);
        registry.put(target("DeepSeek"));
        registry.put(target("OpenRouter"));
        server = new ServerControl(Gateway.context(registry, new InMemorySecretStore(), new RequestLog()), () -> 0);
        adapter = DesktopTray.forThisDesktop();
        controller = new TrayController(adapter, server, registry, UiExecutor.direct(), new RecordingActions());
    }

    @AfterEach
    void tearDown() {
        controller.remove();
        server.close();
        xdotool("key", "Escape");
    }

    @Test
    void thePanelShowsTheIconAndItsMenuAndAClickInItEnablesTheGateway() throws Exception {
        try {
            walkThroughTheMenu();
        } catch (AssertionError e) {
            save("failed.png", new Rectangle(0, 0, 600, 300)); // what the screen showed when it failed
            throw e;
        }
    }

    private void walkThroughTheMenu() throws Exception {
        assertThat(adapter).as("the tray chosen on a desktop with a StatusNotifier host")
                .isInstanceOf(StatusNotifierTray.class);
        assertThat(controller.install()).isTrue();
        String item = ((StatusNotifierTray) adapter).busName() + StatusNotifierItem.PATH;
        await("the panel's watcher lists the icon", () -> registeredItems().contains(item));

        Point icon = await("the panel draws the grey 'off' icon", () -> find(TrayIcons.OFF));
        save("panel-off.png", new Rectangle(0, 0, 300, PANEL_HEIGHT + 2));

        xdotool("mousemove", String.valueOf(icon.x), String.valueOf(icon.y), "click", "3");
        int enabledY = PANEL_HEIGHT + MENU_ITEM_HEIGHT / 2 + 4;
        await("the menu opens below the panel", () -> !isBackground(robot.getPixelColor(icon.x + 30, enabledY)));
        save("menu.png", new Rectangle(0, 0, 480, 220));
        // Hovering "Active target" opens its submenu beside the menu, with the targets as radio items.
        int targetsY = enabledY + MENU_ITEM_HEIGHT;
        xdotool("mousemove", String.valueOf(icon.x + 40), String.valueOf(targetsY));
        sleep(200);
        xdotool("mousemove", String.valueOf(icon.x + 70), String.valueOf(targetsY));
        await("the submenu opens", () -> !isBackground(robot.getPixelColor(icon.x + 230, targetsY + MENU_ITEM_HEIGHT)));
        save("menu-active-target.png", new Rectangle(0, 0, 480, 220));

        xdotool("mousemove", String.valueOf(icon.x + 30), String.valueOf(enabledY));
        sleep(500);
        xdotool("click", "1");
        await("the gateway serves", () -> server.status().serving());
        Point serving = await("the panel redraws the icon green", () -> find(TrayIcons.SERVING));
        assertThat(serving.x).isEqualTo(icon.x);

        xdotool("mousemove", String.valueOf(icon.x), String.valueOf(icon.y));
        sleep(2500); // the panel shows tooltips after a hover delay
        save("tooltip-serving.png", new Rectangle(0, 0, 600, 90));
    }

    private List<String> registeredItems() {
        Optional<DBusConnection> bus = SessionBus.connect();
        try (DBusConnection connection = bus.orElseThrow()) {
            Object items = connection.getRemoteObject(StatusNotifierWatcher.BUS_NAME, StatusNotifierWatcher.PATH,
                    Properties.class).Get(StatusNotifierWatcher.INTERFACE, "RegisteredStatusNotifierItems");
            return items instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : List.of((String[]) items);
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Where the panel strip shows the badge colour (the icon's lower middle), or null. */
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
    private static boolean isBackground(Color colour) {
        return colour.getRed() < 16 && colour.getGreen() < 16 && colour.getBlue() < 16;
    }

    private void save(String name, Rectangle area) throws IOException {
        Files.createDirectories(SHOTS);
        ImageIO.write(robot.createScreenCapture(area), "png", SHOTS.resolve(name).toFile());
    }

    private static void xdotool(String... arguments) {
        var command = new java.util.ArrayList<>(List.of(DesktopSession.program("xdotool", "xdotool")));
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

    private static <T> T await(String what, java.util.function.Supplier<T> found) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            T value = found.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + ": not within 15 s");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Robot robot() {
        try {
            return new Robot();
        } catch (java.awt.AWTException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Target target(String name) {
        return new Target(null, name, name.toLowerCase(), "https://example.invalid/v1", "model",
                ApiMode.CHAT_COMPLETIONS, null, List.of(), Map.of(), null, null, Map.of(), null, null);
    }
}
