package dev.ccbridge.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrayControllerTest {
    /** A tray that records what it was asked to show. */
    static final class RecordingTray implements TrayAdapter {
        boolean supported = true;
        final List<TrayView> shown = new ArrayList<>();
        final List<String> notices = new ArrayList<>();
        boolean removed;

        @Override
        public boolean isSupported() {
            return supported;
        }

        @Override
        public void show(TrayView view) {
            shown.add(view);
        }

        @Override
        public void notify(String title, String message) {
            notices.add(title + ": " + message);
        }

        @Override
        public void remove() {
            removed = true;
        }

        TrayView last() {
            return shown.getLast();
        }
    }

    private final RecordingTray adapter = new RecordingTray();
    private final RecordingActions actions = new RecordingActions();
    private TargetRegistry registry;
    private ServerControl server;
    private TrayController tray;

    @BeforeEach
    void setUp() {
        registry = new TargetRegistry(new GatewayConfig(1, 0, null, null, List.of(), null), null);
        registry.put(target("DeepSeek", "deepseek-chat"));
        registry.put(target("Kimi", "kimi-k2"));
        server = new ServerControl(GatewayContext.standard(registry, new InMemorySecretStore(), new RequestLog()),
                () -> 0);
        tray = new TrayController(adapter, server, registry, UiExecutor.direct(), actions);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void theMenuHasEveryEntryInOrder() {
        assertThat(tray.install()).isTrue();
        assertThat(adapter.last().menu()).extracting(TrayItem::label).containsExactly(
                "Enabled", "Active target", "Copy env vars", "", "Open ccbridge", "Request log", "", "Quit");
        TrayItem.Submenu shells = (TrayItem.Submenu) adapter.last().menu().get(2);
        assertThat(shells.items()).extracting(TrayItem::label)
                .containsExactly("bash / zsh", "fish", "PowerShell", "cmd");
    }

    @Test
    void enabledStartsAndStopsTheGatewayAndTheIconFollows() {
        tray.install();
        assertThat(adapter.last().state()).isEqualTo(ServerControl.State.OFF);
        assertThat(adapter.last().tooltip()).contains("off").contains("active: DeepSeek");

        enabled().onChange().accept(true);
        assertThat(server.status().serving()).isTrue();
        assertThat(adapter.last().state()).isEqualTo(ServerControl.State.SERVING);
        assertThat(enabled().checked()).isTrue();
        assertThat(adapter.last().tooltip()).contains("serving on " + server.status().url());

        enabled().onChange().accept(false);
        assertThat(server.status().serving()).isFalse();
        assertThat(adapter.last().state()).isEqualTo(ServerControl.State.OFF);
    }

    @Test
    void choosingAnActiveTargetSwitchesItForTheNextRequest() {
        tray.install();
        TrayItem.Submenu targets = (TrayItem.Submenu) adapter.last().menu().get(1);
        assertThat(targets.items()).extracting(TrayItem::label).containsExactly("DeepSeek", "Kimi");
        assertThat(targets.items()).extracting(item -> ((TrayItem.Radio) item).selected()).containsExactly(true, false);

        ((TrayItem.Radio) targets.items().get(1)).choose().run();

        assertThat(registry.active()).map(Target::displayName).contains("Kimi");
        TrayItem.Submenu after = (TrayItem.Submenu) adapter.last().menu().get(1);
        assertThat(after.items()).extracting(item -> ((TrayItem.Radio) item).selected()).containsExactly(false, true);
        assertThat(adapter.last().tooltip()).contains("active: Kimi");
    }

    @Test
    void windowAndCopyEntriesReachTheApp() {
        tray.install();
        List<TrayItem> menu = adapter.last().menu();
        ((TrayItem.Action) ((TrayItem.Submenu) menu.get(2)).items().get(1)).run().run();
        ((TrayItem.Action) menu.get(4)).run().run();
        ((TrayItem.Action) menu.get(5)).run().run();
        ((TrayItem.Action) menu.get(7)).run().run();
        adapter.last().onActivate().run();
        assertThat(actions.done).containsExactly("copy fish", "open", "log", "quit", "open");
    }

    @Test
    void anErrorShowsInTheIconAndTooltip() throws Exception {
        try (var occupied = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            var blocked = new ServerControl(GatewayContext.standard(registry, new InMemorySecretStore(), new RequestLog()),
                    occupied::getLocalPort);
            var errorTray = new TrayController(adapter, blocked, registry, UiExecutor.direct(), null);
            errorTray.install();
            blocked.start();
            assertThat(adapter.last().state()).isEqualTo(ServerControl.State.ERROR);
            assertThat(adapter.last().tooltip()).contains("error").contains("already in use");
            assertThat(enabled().checked()).as("Enabled while it waits for the port, as in the window").isTrue();
            blocked.stop();
            assertThat(enabled().checked()).as("turned off, it stops waiting").isFalse();
            blocked.close();
        }
    }

    @Test
    void servingWithoutTheActiveTargetsKeyShowsTheWarningIconAndTheFix() {
        var secrets = new InMemorySecretStore();
        Target openai = registry.put(TestApp.hostedWithoutKey("OpenAI"));
        registry.activate(openai.id());
        try (var keyless = new ServerControl(GatewayContext.standard(registry, secrets, new RequestLog()), () -> 0)) {
            var warningTray = new TrayController(adapter, keyless, registry, UiExecutor.direct(), null);
            warningTray.install();
            keyless.start();

            assertThat(adapter.last().state()).isEqualTo(ServerControl.State.WARNING);
            assertThat(adapter.last().tooltip()).startsWith("ccbridge \u2014 Add an API key for OpenAI \u2014 serving on");
            assertThat(((TrayItem.Check) adapter.last().menu().getFirst()).checked()).as("Enabled").isTrue();

            secrets.put(openai.secretAccount(), "sk-0123456789");
            keyless.recheck();
            assertThat(adapter.last().state()).isEqualTo(ServerControl.State.SERVING);
        }
    }

    @Test
    void withoutATrayNothingIsInstalled() {
        adapter.supported = false;
        assertThat(tray.install()).isFalse();
        assertThat(adapter.shown).isEmpty();
    }

    private TrayItem.Check enabled() {
        return (TrayItem.Check) adapter.last().menu().getFirst();
    }

    private static Target target(String name, String model) {
        return Target.builder().name(name).provider(name.toLowerCase()).baseUrl("https://example.invalid/v1")
                .model(model).apiMode(ApiMode.CHAT_COMPLETIONS).build();
    }
}
