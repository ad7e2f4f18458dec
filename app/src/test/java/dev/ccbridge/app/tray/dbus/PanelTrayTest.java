package dev.ccbridge.app.tray.dbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.testing.DesktopSession;
import dev.ccbridge.app.testing.PanelDriver;
import dev.ccbridge.app.tray.DesktopTray;
import dev.ccbridge.app.tray.RecordingActions;
import dev.ccbridge.app.tray.TrayAdapter;
import dev.ccbridge.app.tray.TrayController;
import dev.ccbridge.app.tray.TrayIcons;
import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.awt.Point;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
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
    private static final Path SHOTS = Path.of("target", "tray-screenshots");

    private final PanelDriver panel = new PanelDriver();
    private TargetRegistry registry;
    private ServerControl server;
    private TrayAdapter adapter;
    private TrayController controller;

    @BeforeEach
    void setUp() {
        registry = new TargetRegistry(new GatewayConfig(1, 0, null, null, List.of(), null), null);
        registry.put(target("DeepSeek"));
        registry.put(target("OpenRouter"));
        server = new ServerControl(GatewayContext.standard(registry, new InMemorySecretStore(), new RequestLog()),
                () -> 0);
        adapter = DesktopTray.forThisDesktop();
        controller = new TrayController(adapter, server, registry, UiExecutor.direct(), new RecordingActions());
    }

    @AfterEach
    void tearDown() {
        controller.remove();
        server.close();
        PanelDriver.xdotool("key", "Escape");
    }

    @Test
    void thePanelShowsTheIconAndItsMenuAndAClickInItEnablesTheGateway() throws Exception {
        try {
            walkThroughTheMenu();
        } catch (AssertionError | ConditionTimeoutException e) {
            save("failed.png", new Rectangle(0, 0, 600, 300)); // what the screen showed when it failed
            throw e;
        }
    }

    private void walkThroughTheMenu() throws Exception {
        assertThat(adapter).as("the tray chosen on a desktop with a StatusNotifier host")
                .isInstanceOf(StatusNotifierTray.class);
        assertThat(controller.install()).isTrue();
        String item = ((StatusNotifierTray) adapter).busName() + StatusNotifierItem.PATH;
        await("the panel's watcher lists the icon").atMost(Duration.ofSeconds(15))
                .until(() -> registeredItems().contains(item));

        Point icon = panel.awaitIcon("the panel draws the grey 'off' icon", TrayIcons.OFF);
        save("panel-off.png", new Rectangle(0, 0, 300, PanelDriver.PANEL_HEIGHT + 2));

        int enabledY = panel.openMenu(icon);
        save("menu.png", new Rectangle(0, 0, 480, 220));
        // Hovering "Active target" opens its submenu beside the menu, with the targets as radio items.
        panel.openSubmenu(icon, enabledY + PanelDriver.MENU_ITEM_HEIGHT);
        save("menu-active-target.png", new Rectangle(0, 0, 480, 220));

        PanelDriver.xdotool("mousemove", String.valueOf(icon.x + 30), String.valueOf(enabledY));
        PanelDriver.pause(Duration.ofMillis(500)); // the panel moves its highlight after the pointer
        PanelDriver.xdotool("click", "1");
        await("the gateway serves").atMost(Duration.ofSeconds(15)).until(() -> server.status().serving());
        Point serving = panel.awaitIcon("the panel redraws the icon green", TrayIcons.SERVING);
        assertThat(serving.x).isEqualTo(icon.x);

        PanelDriver.xdotool("mousemove", String.valueOf(icon.x), String.valueOf(icon.y));
        PanelDriver.pause(Duration.ofMillis(2500)); // the panel shows tooltips after a hover delay
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

    private void save(String name, Rectangle area) throws IOException {
        panel.save(SHOTS.resolve(name), area);
    }

    private static Target target(String name) {
        return Target.builder().name(name).provider(name.toLowerCase()).baseUrl("https://example.invalid/v1")
                .model("model").apiMode(ApiMode.CHAT_COMPLETIONS).build();
    }
}
