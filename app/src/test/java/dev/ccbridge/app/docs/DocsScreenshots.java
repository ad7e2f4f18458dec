package dev.ccbridge.app.docs;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.AppPaths;
import dev.ccbridge.app.MainWindow;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.autostart.PlatformLoginStart;
import dev.ccbridge.app.autostart.XdgAutostart;
import dev.ccbridge.app.env.EnvOverrideCheck;
import dev.ccbridge.core.secrets.KeyStorage;
import dev.ccbridge.app.services.AppServices;
import dev.ccbridge.app.settings.SettingsStore;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.targets.Limit;
import dev.ccbridge.app.targets.PresetCatalog;
import dev.ccbridge.app.targets.Pricing;
import dev.ccbridge.app.testing.DesktopSession;
import dev.ccbridge.app.testing.FxWait;
import dev.ccbridge.app.testing.PanelDriver;
import dev.ccbridge.app.testing.Snapshots;
import dev.ccbridge.app.theme.ThemeManager;
import dev.ccbridge.app.tray.DesktopTray;
import dev.ccbridge.app.tray.RecordingActions;
import dev.ccbridge.app.tray.TrayController;
import dev.ccbridge.app.tray.TrayIcons;
import dev.ccbridge.core.env.Shell;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.secrets.KeyringSecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.routing.RoutingRules;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.RoutingRule;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetOptions;
import dev.ccbridge.core.websearch.SearchBackend;
import dev.ccbridge.core.websearch.SearchSettings;
import java.awt.Point;
import java.awt.Rectangle;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The screenshots of the docs, taken from the real windows on a private X display with demo
 * content: every view at two window sizes, in the light and the dark theme, and a first run without
 * a key, and the tray menu in a real panel. Not a test: run it
 * with {@code scripts/screenshots.sh}, which writes {@code app/target/screenshots/} (and, when
 * asked, {@code docs/screenshots/}).
 *
 * <p>Arguments: the directories to write the PNGs to.
 */
public final class DocsScreenshots {
    /** A window size: the app's default, and a small one near its minimum. */
    enum Size {
        LARGE("", 1180, 760), SMALL("-small", 900, 600);

        final String suffix;
        final double width;
        final double height;

        Size(String suffix, double width, double height) {
            this.suffix = suffix;
            this.width = width;
            this.height = height;
        }
    }

    private final List<Path> outputs;
    private final AppContext context;
    private final Target deepseek;
    private final List<Path> written = new ArrayList<>();

    private DocsScreenshots(List<Path> outputs, AppContext context, Target deepseek) {
        this.outputs = outputs;
        this.context = context;
        this.deepseek = deepseek;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: DocsScreenshots DIR...");
            System.exit(2);
        }
        List<Path> outputs = java.util.Arrays.stream(args).map(Path::of).toList();
        DesktopSession.ensureDisplay();
        DesktopSession.ensureSecretService();
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        int status = 0;
        Path home = Files.createTempDirectory("ccbridge-screenshots");
        try (AppContext context = demoContext(home)) {
            var shots = new DocsScreenshots(outputs, context, context.registry().byId("deepseek").orElseThrow());
            for (AppSettings.Theme theme : List.of(AppSettings.Theme.LIGHT, AppSettings.Theme.DARK)) {
                for (Size size : Size.values()) {
                    shots.take(theme, size);
                }
            }
            shots.noKeyYet();
            shots.trayMenu();
            shots.written.forEach(file -> System.out.println("wrote " + file));
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        } finally {
            deleteTree(home);
        }
        Platform.exit();
        System.exit(status);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Four targets (keys for two in the keychain), port 8787, and two weeks of history. */
    private static AppContext demoContext(Path home) throws Exception {
        Files.writeString(home.resolve("config.json"), Json.CONFIG.writeValueAsString(
                new GatewayConfig(1, 8787, "ccb_demo_install_token_for_screenshots", null, List.of(), null)));
        var secrets = ((KeyringSecretStore.Opening.Opened) KeyringSecretStore.open()).store();
        AppContext context = AppContext.open(new AppPaths(home.resolve("config.json"), home), null,
                () -> KeyStorage.of(secrets));
        var registry = context.registry();
        Target openrouter = registry.put(Target.builder().id("openrouter").name("OpenRouter").provider("openrouter")
                .baseUrl("https://openrouter.ai/api/v1").model("qwen/qwen3-coder")
                .apiMode(ApiMode.CHAT_COMPLETIONS)
                .tiers(new ModelTiers(null, null, "openai/gpt-5-mini"))
                .headers(Map.of("HTTP-Referer", "https://github.com/ccbridge")).build());
        Target deepseek = registry.put(new Pricing(0.28, 0.42, 0.028, null).applyTo(Target.builder().id("deepseek")
                .name("DeepSeek").provider("deepseek").baseUrl("https://api.deepseek.com").model("deepseek-chat")
                .apiMode(ApiMode.CHAT_COMPLETIONS)
                .tiers(new ModelTiers("deepseek-reasoner", "deepseek-chat", "deepseek-chat"))
                .options(TargetOptions.NONE.with(Limit.IDLE.option(), "600")).fallbacks(List.of(openrouter.id()))
                .build()));
        secrets.put(deepseek.secretAccount(), "sk-demo-0000000000000000");
        Target kimi = registry.put(Target.builder().id("kimi").name("Kimi K2").provider("moonshot")
                .baseUrl("https://api.moonshot.ai/v1").model("kimi-k2-turbo-preview")
                .apiMode(ApiMode.CHAT_COMPLETIONS).build());
        secrets.put(kimi.secretAccount(), "sk-demo-1111111111111111");
        var search = new SearchSettings(SearchBackend.BRAVE, null, 5, null);
        registry.update(search.applyTo(registry.config()));
        secrets.put(search.secretAccount(), "BSA-demo-2222222222222222");
        registry.put(Target.builder().id("ollama").name("Ollama (local)").provider("ollama")
                .baseUrl("http://127.0.0.1:11434/v1").model("qwen3-coder")
                .apiMode(ApiMode.CHAT_COMPLETIONS).build());
        registry.activate(deepseek.id());
        registry.move(openrouter.id(), 2);
        var routing = new RoutingRules(registry);
        routing.add(null, new RoutingRule(RoutingRule.Condition.HAIKU, kimi.id(), null, null));
        routing.add(deepseek.id(), new RoutingRule(RoutingRule.Condition.IMAGE, openrouter.id(), "openai/gpt-5-mini",
                null));
        // Fixed tokens, so the pictures change only when the app does.
        var config = registry.config();
        registry.update(config.withTargets(config.targets().stream()
                .map(t -> t.withToken("ccb_demo_token_of_" + t.id())).toList(), config.activeTarget()));
        DemoHistory.fill(context.history().orElseThrow(), deepseek, kimi, openrouter);
        if (!context.server().start().serving()) {
            System.err.println("warning: port 8787 is taken, so the header shows that: " + context.server().status());
        }
        return context;
    }

    private MainWindow show(AppSettings.Theme theme, Size size) throws Exception {
        return FxWait.onFx(() -> {
            var stage = new Stage();
            var shown = new MainWindow(stage, services(), UiExecutor.javaFx(), new ThemeManager(theme),
                    PresetCatalog.builtIn(), Map.of());
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(size.width);
            stage.setHeight(size.height);
            shown.show();
            return shown;
        });
    }

    private static void hide(MainWindow window) throws Exception {
        FxWait.onFx(() -> {
            window.stage().hide();
            return null;
        });
    }

    /** A first run: serving, but the active target (OpenAI) has no key yet; the header says what to do. */
    private void noKeyYet() throws Exception {
        if (System.getenv("OPENAI_API_KEY") != null) {
            System.err.println("warning: OPENAI_API_KEY is set here, so OpenAI has a key: no no-key-yet.png");
            return;
        }
        var registry = context.registry();
        Target openai = registry.put(Target.builder().id("openai").name("OpenAI").provider("openai")
                .baseUrl("https://api.openai.com/v1").model("gpt-5.5").apiMode(ApiMode.CHAT_COMPLETIONS)
                .tiers(new ModelTiers("gpt-5.5", "gpt-5.5", "gpt-5.4-mini")).apiKeyEnv("OPENAI_API_KEY")
                .token("ccb_demo_token_of_openai").build());
        registry.activate(openai.id());
        for (AppSettings.Theme theme : List.of(AppSettings.Theme.LIGHT, AppSettings.Theme.DARK)) {
            MainWindow window = show(theme, Size.LARGE);
            FxWait.onFx(() -> {
                window.targetsView().list().getSelectionModel().select(registry.byId(openai.id()).orElseThrow());
                return null;
            });
            FxWait.until("the warning", () -> "Add an API key for OpenAI".equals(
                    ((Labeled) window.stage().getScene().lookup("#headline")).getText()));
            save(window.stage().getScene(), "no-key-yet" + (theme == AppSettings.Theme.DARK ? "-dark" : ""));
            hide(window);
        }
        registry.activate(deepseek.id());
        registry.remove(openai.id());
    }

    /** The tray menu as xfce4-panel's status tray draws it, the active target's submenu open. */
    private void trayMenu() throws Exception {
        if (!context.server().status().serving()) {
            System.err.println("warning: not serving, so no tray-menu.png: " + context.server().status());
            return;
        }
        DesktopSession.ensureStatusNotifierHost();
        var panel = new PanelDriver();
        var tray = new TrayController(DesktopTray.forThisDesktop(), context.server(), context.registry(),
                UiExecutor.direct(), new RecordingActions());
        tray.install();
        try {
            Point icon = panel.awaitIcon("the tray icon", TrayIcons.SERVING);
            int enabledY = panel.openMenu(icon);
            panel.openSubmenu(icon, enabledY + PanelDriver.MENU_ITEM_HEIGHT);
            for (Path dir : outputs) {
                written.add(panel.save(dir.resolve("tray-menu.png"), new Rectangle(0, 0, 480, 220)));
            }
        } finally {
            PanelDriver.xdotool("key", "Escape");
            tray.remove();
        }
    }

    private void take(AppSettings.Theme theme, Size size) throws Exception {
        String suffix = size.suffix + (theme == AppSettings.Theme.DARK ? "-dark" : "");
        MainWindow window = show(theme, size);
        Scene scene = window.stage().getScene();
        context.log().publish(DemoHistory.running(deepseek));

        FxWait.onFx(() -> {
            window.targetsView().list().getSelectionModel().select(context.registry().byId("deepseek").orElseThrow());
            return null;
        });
        FxWait.until("the key status", () -> window.targets().editor().keyStatusProperty().get().contains("stored"));
        save(scene, "main-window" + suffix);

        FxWait.onFx(() -> {
            var editor = window.targets().editor();
            window.targetsView().list().getSelectionModel().clearSelection();
            window.targets().presets().stream().filter(p -> p.id().equals("groq")).findFirst()
                    .ifPresent(window.targets()::addFromPreset);
            editor.fields.baseUrl.set("api.groq.com/openai/v1");
            editor.newKey.set("gsk_demo_key_not_real_0000");
            editor.fields.fallbacks.add(deepseek.id());
            return null;
        });
        save(scene, "target-editor" + suffix);
        FxWait.onFx(() -> {
            window.targets().editor().revert();
            window.targetsView().list().getSelectionModel().select(context.registry().byId("deepseek").orElseThrow());
            ((ScrollPane) scene.lookup(".target-form")).setVvalue(1);
            return null;
        });
        save(scene, "target-options" + suffix);

        FxWait.onFx(() -> {
            window.showLog();
            return null;
        });
        FxWait.until("the rows", () -> window.log().rows().size() > 100);
        FxWait.onFx(() -> {
            var table = window.logView().table();
            table.getSelectionModel().select(table.getItems().stream()
                    .filter(row -> row.record().routing().routedBy() != null).findFirst().orElseThrow());
            table.scrollTo(0);
            return null;
        });
        FxWait.until("the bodies", () -> window.log().responseTextProperty().get().contains("retry"));
        save(scene, "request-log" + suffix);

        select(scene, "tab-usage");
        FxWait.until("the usage", () -> !window.usage().byDay().isEmpty());
        save(scene, "usage" + suffix);

        select(scene, "tab-settings");
        save(scene, "settings" + suffix);

        select(scene, "tab-web-search");
        FxWait.until("who searches", () -> !((Labeled) scene.lookup("#whoSearches")).getText().isEmpty());
        save(scene, "web-search" + suffix);

        select(scene, "tab-routing");
        save(scene, "routing" + suffix);

        if (size == Size.LARGE) {
            var dialog = FxWait.onFx(() -> {
                window.copyEnv().pinned.set(deepseek);
                window.copyEnv().includeModels.set(true);
                return window.showCopyEnv(Shell.BASH);
            });
            save(dialog.stage().getScene(), "copy-env" + suffix);
            FxWait.onFx(() -> {
                dialog.stage().hide();
                return null;
            });
        }
        hide(window);
    }

    /** The app's services, reading no Claude Code settings and naming the usual files (and login entry) in Settings. */
    private AppServices services() {
        AppServices real = context.services().withClaudeSettings(EnvOverrideCheck.NONE);
        SettingsStore settings = real.settings();
        SettingsStore usualPaths = (SettingsStore) Proxy.newProxyInstance(SettingsStore.class.getClassLoader(),
                new Class<?>[] {SettingsStore.class}, (self, method, args) -> switch (method.getName()) {
                    case "configFile" -> Path.of("/home/you/.config/ccbridge/config.json");
                    case "dataDir" -> Path.of("/home/you/.local/share/ccbridge");
                    default -> method.invoke(settings, args);
                });
        return new AppServices(real.targets(), real.secrets(), real.gateway(), real.calls(), real.servedModes(),
                real.log(), real.history(), usualPaths, real.notices(), real.claudeSettings(), real.exportFiles(),
                new PlatformLoginStart(new XdgAutostart(Path.of("/home/you/.config/autostart")), context.paths()),
                real.search());
    }

    private static void select(Scene scene, String tabId) throws Exception {
        FxWait.onFx(() -> {
            var tabs = (TabPane) scene.lookup(".tab-pane");
            tabs.getTabs().stream().filter(tab -> tabId.equals(tab.getId())).findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
            return null;
        });
    }

    private void save(Scene scene, String name) throws Exception {
        for (Path dir : outputs) {
            written.add(Snapshots.save(scene, dir.resolve(name + ".png")));
        }
    }
}
