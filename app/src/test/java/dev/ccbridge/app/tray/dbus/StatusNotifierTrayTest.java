package dev.ccbridge.app.tray.dbus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.testing.PrivateBus;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.tray.RecordingActions;
import dev.ccbridge.app.tray.TrayController;
import dev.ccbridge.app.tray.TrayIcons;
import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The StatusNotifier tray on a private session bus, read the way a panel reads it: the test plays
 * the panel (a watcher, and a host that reads the item's properties and opens its dbusmenu) and
 * the notification server; the app side is the real TrayController over a real gateway.
 */
class StatusNotifierTrayTest {
    @TempDir
    Path dir;

    private PrivateBus bus;
    private DBusConnection panel;
    private DBusConnection app;
    private FakeWatcher watcher;
    private TargetRegistry registry;
    private ServerControl server;
    private StatusNotifierTray tray;
    private TrayController controller;
    private final RecordingActions actions = new RecordingActions();

    @BeforeEach
    void setUp() throws Exception {
        bus = PrivateBus.start(dir);
        panel = bus.connect();
        app = bus.connect();
        watcher = FakeWatcher.start(panel);
        registry = new TargetRegistry(new GatewayConfig(1, 0, null, null, List.of(), null), null);
        registry.put(target("DeepSeek"));
        registry.put(target("my_model"));
        server = new ServerControl(GatewayContext.standard(registry, new InMemorySecretStore(), new RequestLog()), () -> 0);
        tray = new StatusNotifierTray(app, new DesktopNotifications(app, Executors.newSingleThreadExecutor()));
        controller = new TrayController(tray, server, registry, UiExecutor.direct(), actions);
    }

    @AfterEach
    void tearDown() {
        if (controller != null) {
            controller.remove();
            server.close();
        }
        if (panel != null) {
            panel.disconnect();
        }
        bus.close();
    }

    @Test
    void theIconRegistersWithThePanelAndShowsStateAndTooltip() throws Exception {
        assertThat(controller.install()).as("a StatusNotifier host is on the bus").isTrue();
        await("the item registers", () -> watcher.items.contains(tray.busName()));

        Map<String, Variant<?>> item = itemProperties();
        assertThat(item.get("Id").getValue()).isEqualTo("ccbridge");
        assertThat(item.get("Status").getValue()).isEqualTo("Active");
        assertThat(item.get("Menu").getValue().toString()).isEqualTo("/MenuBar");
        assertThat(item.get("ItemIsMenu").getValue()).isEqualTo(false);
        assertThat(tooltip(item)).isEqualTo("ccbridge \u2014 off \u2014 active: DeepSeek");
        // Every rendered size, ARGB in network order: the badge below the mark is the "off" grey.
        List<?> pixmaps = (List<?>) item.get("IconPixmap").getValue();
        assertThat(pixmaps).hasSize(7);
        assertThat(badgeColour(pixmaps, 22)).isEqualTo(0xFF8A8F98);
    }

    @Test
    void theMenuHasEveryEntryWithCheckAndRadioMarks() throws Exception {
        controller.install();
        await("the item registers", () -> watcher.items.contains(tray.busName()));

        Node root = layout();
        assertThat(root.children).extracting(Node::label).containsExactly(
                "Enabled", "Active target", "Copy env vars", "", "Open ccbridge", "Request log", "", "Quit");
        Node enabled = root.children.getFirst();
        assertThat(enabled.properties).containsEntry("toggle-type", "checkmark").containsEntry("toggle-state", 0);
        assertThat(root.children.get(3).properties).containsEntry("type", "separator");

        Node targets = root.children.get(1);
        assertThat(targets.properties).containsEntry("children-display", "submenu");
        // dbusmenu reads "_" as a mnemonic mark: the label doubles it so the name shows as it is.
        assertThat(targets.children).extracting(Node::label).containsExactly("DeepSeek", "my__model");
        assertThat(targets.children).extracting(n -> n.properties.get("toggle-type")).containsOnly("radio");
        assertThat(targets.children).extracting(n -> n.properties.get("toggle-state")).containsExactly(1, 0);
        assertThat(root.children.get(2).children).extracting(Node::label)
                .containsExactly("bash / zsh", "fish", "PowerShell", "cmd");
    }

    @Test
    void hostsCanReadPartOfTheMenu() throws Exception {
        controller.install();
        await("the item registers", () -> watcher.items.contains(tray.busName()));
        Node full = layout();
        int targetsId = full.children.get(1).id;

        Node targets = Node.of(menu().GetLayout(targetsId, 1, List.of("label")).second);
        assertThat(targets.children).extracting(Node::label).containsExactly("DeepSeek", "my__model");
        assertThat(targets.children.getFirst().properties).as("only the names asked for").containsOnlyKeys("label");
        assertThat(Node.of(menu().GetLayout(0, 0, List.of()).second).children).as("depth 0: no children").isEmpty();

        int enabledId = full.children.getFirst().id;
        var group = menu().GetGroupProperties(List.of(enabledId, 999), List.of("toggle-state"));
        assertThat(group).hasSize(1);
        assertThat(menu().GetProperty(enabledId, "label").getValue()).isEqualTo("Enabled");
        assertThat(menu().AboutToShowGroup(List.of(targetsId, 999)).second).as("unknown ids").containsExactly(999);
    }

    @Test
    void clicksInTheHostsMenuReachTheApp() throws Exception {
        controller.install();
        await("the item registers", () -> watcher.items.contains(tray.busName()));
        List<String> signals = new CopyOnWriteArrayList<>();
        panel.addSigHandler(StatusNotifierItem.NewIcon.class, s -> signals.add("NewIcon"));
        panel.addSigHandler(StatusNotifierItem.NewToolTip.class, s -> signals.add("NewToolTip"));
        panel.addSigHandler(DbusMenu.LayoutUpdated.class, s -> signals.add("LayoutUpdated"));

        Node root = layout();
        click(root.children.getFirst()); // Enabled
        await("the gateway serves", () -> server.status().serving());
        await("the host hears of the new icon and tooltip",
                () -> signals.containsAll(List.of("NewIcon", "NewToolTip", "LayoutUpdated")));
        assertThat(tooltip(itemProperties())).isEqualTo("ccbridge \u2014 serving on " + server.status().url()
                + " \u2014 active: DeepSeek");
        assertThat(layout().children.getFirst().properties).containsEntry("toggle-state", 1);

        click(layout().children.get(1).children.get(1)); // Active target ▸ my_model
        await("my_model is active", () -> registry.active().map(Target::displayName).orElse("").equals("my_model"));
        await("the tooltip names it", () -> tooltip(itemProperties()).endsWith("active: my_model"));
        assertThat(layout().children.get(1).children).extracting(n -> n.properties.get("toggle-state"))
                .containsExactly(0, 1);

        root = layout();
        click(root.children.get(2).children.get(1)); // Copy env vars ▸ fish
        click(root.children.get(5)); // Request log
        click(root.children.get(7)); // Quit
        menu().Event(root.children.getFirst().id, "hovered", new Variant<>(0), new UInt32(0)); // not a click
        item().Activate(0, 0); // a click on the icon itself
        await("the app got each click", () -> actions.done.size() == 4);
        assertThat(actions.done).containsExactly("copy fish", "log", "quit", "open");
        assertThat(server.status().serving()).as("hovering changed nothing").isTrue();
    }

    @Test
    void anErrorAsksForAttention() throws Exception {
        try (var occupied = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            server.close();
            server = new ServerControl(GatewayContext.standard(registry, new InMemorySecretStore(), new RequestLog()),
                    occupied::getLocalPort);
            controller = new TrayController(tray, server, registry, UiExecutor.direct(), null);
            controller.install();
            await("the item registers", () -> watcher.items.contains(tray.busName()));
            server.start();
            await("the icon shows the error", () -> "NeedsAttention".equals(itemProperties().get("Status").getValue()));
            assertThat(tooltip(itemProperties())).contains("error").contains("already in use");
            assertThat(badgeColour((List<?>) itemProperties().get("IconPixmap").getValue(), 22)).isEqualTo(0xFFD64545);
        }
    }

    @Test
    void aTargetWithoutItsKeyShowsTheWarningAndSaysWhichKeyToAdd() throws Exception {
        var secrets = new InMemorySecretStore();
        Target openai = registry.put(TestApp.hostedWithoutKey("OpenAI"));
        registry.activate(openai.id());
        server.close();
        server = new ServerControl(GatewayContext.standard(registry, secrets, new RequestLog()), () -> 0);
        controller = new TrayController(tray, server, registry, UiExecutor.direct(), actions);
        controller.install();
        await("the item registers", () -> watcher.items.contains(tray.busName()));

        server.start();
        await("the icon shows the warning", () -> "NeedsAttention".equals(itemProperties().get("Status").getValue()));
        assertThat(tooltip(itemProperties())).contains("Add an API key for OpenAI");
        assertThat(badgeColour((List<?>) itemProperties().get("IconPixmap").getValue(), 22))
                .as("the amber badge").isEqualTo(TrayIcons.WARNING.getRGB());

        secrets.put(openai.secretAccount(), "sk-0123456789abcdef");
        server.recheck();
        await("the icon is back to serving", () -> "Active".equals(itemProperties().get("Status").getValue()));
        assertThat(tooltip(itemProperties())).doesNotContain("API key").contains("active: OpenAI");
        assertThat(badgeColour((List<?>) itemProperties().get("IconPixmap").getValue(), 22))
                .isEqualTo(TrayIcons.SERVING.getRGB());
    }

    @Test
    void aPanelThatRestartsGetsTheIconAgain() throws Exception {
        controller.install();
        await("the item registers", () -> watcher.items.contains(tray.busName()));
        watcher.stop();

        DBusConnection restarted = bus.connect();
        FakeWatcher next = FakeWatcher.start(restarted);
        await("the item registers with the new panel", () -> next.items.contains(tray.busName()));
        restarted.disconnect();
    }

    @Test
    void withoutAStatusNotifierHostTheTrayIsNotOffered() throws Exception {
        watcher.stop();
        assertThat(StatusNotifierTray.hostPresent(app)).isFalse();
        assertThat(controller.install()).isFalse();
    }

    @Test
    void quittingTakesTheIconOffTheBus() throws Exception {
        controller.install();
        await("the item registers", () -> watcher.items.contains(tray.busName()));
        controller.remove();
        assertThat(SessionBus.hasOwner(panel, tray.busName())).isFalse();
    }

    @Test
    void noticesGoToTheDesktopsNotificationServerWithTheAppIcon() throws Exception {
        DBusConnection desktop = bus.connect();
        FakeNotificationServer notifications = FakeNotificationServer.start(desktop, List.of("body", "body-markup"));
        assertThat(DesktopNotifications.available(app)).isTrue();
        controller.install();

        controller.notify("Copied for fish", "Paste it into your terminal <here> & now.");
        FakeNotificationServer.Notice first = notifications.next();
        assertThat(first.appName()).isEqualTo("ccbridge");
        assertThat(first.summary()).isEqualTo("Copied for fish");
        assertThat(first.body()).as("escaped for a server that reads markup")
                .isEqualTo("Paste it into your terminal &lt;here&gt; &amp; now.");
        Object[] image = structFields(first.hints().get("image-data").getValue());
        assertThat(image[0]).isEqualTo(48);
        assertThat(image[1]).isEqualTo(48);
        assertThat(bytes(image[6])).hasSize(48 * 48 * 4);

        controller.notify("Copied for cmd", "Again.");
        FakeNotificationServer.Notice second = notifications.next();
        assertThat(second.replacesId()).as("a new notice replaces the last one").isEqualTo(first.id());
        desktop.disconnect();
    }

    // --- reading the item as a host does ---

    private Map<String, Variant<?>> itemProperties() throws Exception {
        return panel.getRemoteObject(tray.busName(), StatusNotifierItem.PATH, Properties.class)
                .GetAll(StatusNotifierItem.INTERFACE);
    }

    private StatusNotifierItem item() throws Exception {
        return panel.getRemoteObject(tray.busName(), StatusNotifierItem.PATH, StatusNotifierItem.class);
    }

    private DbusMenu menu() throws Exception {
        return panel.getRemoteObject(tray.busName(), DbusMenu.PATH, DbusMenu.class);
    }

    private Node layout() throws Exception {
        return Node.of(menu().GetLayout(0, -1, List.of()).second);
    }

    private void click(Node node) throws Exception {
        menu().Event(node.id, "clicked", new Variant<>(0), new UInt32(0));
    }

    private static String tooltip(Map<String, Variant<?>> item) {
        return (String) structFields(item.get("ToolTip").getValue())[2];
    }

    /** The pixel below the mark of the pixmap of this size, as 0xAARRGGBB. */
    private static int badgeColour(List<?> pixmaps, int size) {
        for (Object pixmap : pixmaps) {
            Object[] fields = structFields(pixmap);
            if ((int) fields[0] == size) {
                byte[] argb = bytes(fields[2]);
                int at = ((int) (size * 0.8) * size + size / 2) * 4;
                return (argb[at] & 0xFF) << 24 | (argb[at + 1] & 0xFF) << 16 | (argb[at + 2] & 0xFF) << 8
                        | (argb[at + 3] & 0xFF);
            }
        }
        throw new AssertionError("no pixmap of " + size + " px");
    }

    /** A struct as a client without the app's classes sees it: its fields in order. */
    static Object[] structFields(Object value) {
        if (value instanceof org.freedesktop.dbus.Struct struct) {
            return struct.getParameters();
        }
        return (Object[]) value;
    }

    /** An {@code ay} inside a variant arrives as a list of bytes. */
    private static byte[] bytes(Object value) {
        if (value instanceof byte[] array) {
            return array;
        }
        List<?> list = (List<?>) value;
        byte[] out = new byte[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Byte) list.get(i);
        }
        return out;
    }

    /** One dbusmenu item read from the wire. */
    record Node(int id, Map<String, Object> properties, List<Node> children) {
        String label() {
            return (String) properties.getOrDefault("label", "");
        }

        static Node of(Object struct) {
            Object[] fields = structFields(struct);
            Map<String, Object> properties = new java.util.LinkedHashMap<>();
            ((Map<?, ?>) fields[1]).forEach((k, v) -> properties.put((String) k, ((Variant<?>) v).getValue()));
            List<Node> children = ((List<?>) fields[2]).stream()
                    .map(child -> of(((Variant<?>) child).getValue())).toList();
            return new Node((int) fields[0], properties, children);
        }
    }

    private static void await(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(condition);
    }

    private static Target target(String name) {
        return Target.builder().name(name).provider(name.toLowerCase()).baseUrl("https://example.invalid/v1")
                .model("model").apiMode(ApiMode.CHAT_COMPLETIONS).build();
    }
}
