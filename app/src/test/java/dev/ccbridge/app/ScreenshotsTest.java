package dev.ccbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.targets.PresetCatalog;
import dev.ccbridge.app.targets.Pricing;
import dev.ccbridge.app.testing.DesktopSession;
import dev.ccbridge.app.testing.FxWait;
import dev.ccbridge.app.testing.Menus;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.theme.ThemeManager;
import dev.ccbridge.core.env.ClaudeSettingsCheck;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.secrets.KeyringSecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The README's screenshots, taken from the real windows on a private X display (Xvfb, GTK),
 * with fixed demo content so they change only when the UI does. Written to docs/screenshots.
 */
@Tag("desktop")
@ExtendWith({DesktopSession.Display.class, DesktopSession.SecretService.class, ApplicationExtension.class})
class ScreenshotsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:41:07Z");

    @TempDir
    static Path dir;

    private AppContext context;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory(dir, "app");
        Files.writeString(home.resolve("config.json"), Json.CONFIG.writeValueAsString(
                new GatewayConfig(1, 8787, "ccb_demo_install_token_for_screenshots", null, List.of(), null)));
        // Keys in a real keychain (the private Secret Service), as on a desktop.
        var secrets = ((KeyringSecretStore.Opening.Opened) KeyringSecretStore.open()).store();
        context = AppContext.open(new AppPaths(home.resolve("config.json"), home), null,
                () -> dev.ccbridge.core.secrets.KeyStorage.of(secrets));
        Target deepseek = context.registry().put(new Pricing(0.28, 0.42, 0.028, null).applyTo(Target.builder().name("DeepSeek").provider("deepseek").baseUrl("https://api.deepseek.com")
                .model("deepseek-chat").apiMode(ApiMode.CHAT_COMPLETIONS)
                .tiers(new ModelTiers("deepseek-reasoner", "deepseek-chat", "deepseek-chat")).build()));
        secrets.put(deepseek.secretAccount(), "sk-demo-0000000000000000");
        Target kimi = context.registry().put(Target.builder().name("Kimi K2").provider("moonshot").baseUrl("https://api.moonshot.ai/v1")
                .model("kimi-k2-turbo-preview").apiMode(ApiMode.CHAT_COMPLETIONS).build());
        secrets.put(kimi.secretAccount(), "sk-demo-1111111111111111");
        context.registry().put(Target.builder().name("OpenRouter").provider("openrouter").baseUrl("https://openrouter.ai/api/v1")
                .model("qwen/qwen3-coder").apiMode(ApiMode.CHAT_COMPLETIONS)
                .tiers(new ModelTiers(null, null, "openai/gpt-5-mini"))
                .headers(Map.of("HTTP-Referer", "https://github.com/ccbridge")).build());
        context.registry().put(Target.builder().name("Ollama (local)").provider("ollama").baseUrl("http://127.0.0.1:11434/v1")
                .model("qwen3-coder").apiMode(ApiMode.CHAT_COMPLETIONS).build());
        context.registry().activate(deepseek.id());
        context.server().start();
        window = new MainWindow(stage, context, UiExecutor.javaFx(), new ThemeManager(AppSettings.Theme.LIGHT),
                PresetCatalog.builtIn(), Map.of(), new ClaudeSettingsCheck(List.of()));
        stage.setX(0);
        stage.setY(0);
        window.show();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void mainWindow(FxRobot robot) throws Exception {
        robot.clickOn("DeepSeek");
        FxWait.until("the key status", () -> robot.lookup("#keyStatus").queryLabeled().getText().contains("stored"));
        save(stage.getScene(), "main-window.png");
    }

    /** A first run: serving, but the active target has no key yet; the header says what to do. */
    @Test
    void noKeyYet(FxRobot robot) throws Exception {
        assumeTrue(System.getenv("OPENAI_API_KEY") == null, "OPENAI_API_KEY is set here, so OpenAI has a key");
        Target openai = context.registry().put(Target.builder().name("OpenAI").provider("openai").baseUrl("https://api.openai.com/v1")
                .model("gpt-5.5").apiMode(ApiMode.CHAT_COMPLETIONS)
                .tiers(new ModelTiers("gpt-5.5", "gpt-5.5", "gpt-5.4-mini"))
                .apiKeyEnv("OPENAI_API_KEY").build());
        context.registry().activate(openai.id());
        // The list's cell, once the list shows it (a preset menu item of the same name is not in the window).
        Predicate<Labeled> openAiCell = label -> "OpenAI".equals(label.getText()) && label.getScene() != null
                && label.isVisible();
        FxWait.until("the OpenAI cell", () -> robot.lookup(".target-name").match(openAiCell).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".target-name").match(openAiCell).<Labeled>query());
        FxWait.until("the warning", () -> robot.lookup("#headline").queryLabeled().getText()
                .equals("Add an API key for OpenAI"));
        save(stage.getScene(), "no-key-yet.png");
    }

    @Test
    void targetEditor(FxRobot robot) throws Exception {
        Menus.choose(robot, "#add", "Groq");
        robot.clickOn("#baseUrl").eraseText(40).write("api.groq.com/openai/v1");
        robot.clickOn("#apiKey").write("gsk_demo_key_not_real_0000");
        robot.clickOn("#model");
        WaitForAsyncUtils.waitForFxEvents();
        save(stage.getScene(), "target-editor.png");
    }

    @Test
    void requestLog(FxRobot robot) throws Exception {
        publishDemoRequests();
        robot.interact(window::showLog);
        FxWait.until("the rows", () -> window.log().rows().size() == 9);
        var table = window.logView().table();
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(row -> "deepseek-reasoner".equals(row.record().routing().upstreamModel())).findFirst().orElseThrow()));
        FxWait.until("the body", () -> !window.log().requestTextProperty().get().isEmpty());
        save(stage.getScene(), "request-log.png");
    }

    @Test
    void copyEnvVars(FxRobot robot) throws Exception {
        robot.clickOn("#copyEnv");
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<Scene> dialog = new AtomicReference<>();
        robot.listWindows().stream().filter(w -> w != stage && w instanceof Stage s
                && s.getTitle() != null && s.getTitle().contains("copy env")).findFirst()
                .ifPresent(w -> dialog.set(w.getScene()));
        assertThat(dialog.get()).isNotNull();
        save(dialog.get(), "copy-env.png");
    }

    private void publishDemoRequests() {
        String[][] rows = {
                // target, requested, upstream, stream, status, ttft, duration, in, out, cacheRead, error
                {"DeepSeek", "claude-sonnet-4-5", "deepseek-chat", "1", "200", "412", "3120", "18342", "412", "15872", ""},
                {"DeepSeek", "claude-haiku-4-5", "deepseek-chat", "0", "200", "", "640", "512", "18", "0", ""},
                {"DeepSeek", "claude-opus-4-1", "deepseek-reasoner", "1", "200", "1890", "14210", "21011", "1630", "17920", ""},
                {"Kimi K2", "claude-sonnet-4-5", "kimi-k2-turbo-preview", "1", "200", "655", "5402", "19876", "733", "0", ""},
                {"Kimi K2", "claude-sonnet-4-5", "kimi-k2-turbo-preview", "1", "429", "", "221", "0", "0", "0",
                        "rate_limit_error: Rate limit reached for requests, please retry after 2s"},
                {"DeepSeek", "claude-haiku-4-5", "deepseek-chat", "0", "200", "", "702", "1203", "25", "0", ""},
                {"OpenRouter", "claude-sonnet-4-5", "qwen/qwen3-coder", "1", "200", "980", "7310", "20450", "1120", "0", ""},
                {"DeepSeek", "claude-sonnet-4-5", "deepseek-chat", "1", "200", "388", "2875", "22107", "356", "21504", ""},
                {"DeepSeek", "claude-sonnet-4-5", "deepseek-chat", "1", "0", "", "", "", "", "", ""},
        };
        for (int i = 0; i < rows.length; i++) {
            String[] r = rows[i];
            Target target = context.registry().targets().stream().filter(t -> t.displayName().equals(r[0]))
                    .findFirst().orElseThrow();
            int status = Integer.parseInt(r[4]);
            boolean failed = status >= 400;
            String request = "{\"model\":\"" + r[1] + "\",\"max_tokens\":32000,\"stream\":" + r[3].equals("1")
                    + ",\"system\":[{\"type\":\"text\",\"text\":\"You are Claude Code, Anthropic's official CLI for"
                    + " Claude.\"}],\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":"
                    + "\"Find where the retry delay is computed and make it respect Retry-After.\"}]}],"
                    + "\"tools\":[{\"name\":\"Read\",\"input_schema\":{\"type\":\"object\"}},"
                    + "{\"name\":\"Grep\",\"input_schema\":{\"type\":\"object\"}}]}";
            String response = failed ? "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":"
                    + "\"Rate limit reached for requests, please retry after 2s\"}}"
                    : "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + r[1]
                    + "\",\"content\":[{\"type\":\"text\",\"text\":\"I'll search for the retry logic first.\"},"
                    + "{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"Grep\",\"input\":{\"pattern\":"
                    + "\"retry.*delay\"}}],\"stop_reason\":\"tool_use\"}";
            Usage usage = status == 200 ? new Usage(Long.parseLong(r[7]) - Long.parseLong(r[9]), Long.parseLong(r[8]),
                    0, Long.parseLong(r[9])) : null;
            var routing = new RequestRecord.Routing(target.id(), target.displayName(), "chat_completions",
                    RequestRecord.Addressed.ACTIVE, r[1], r[2]);
            RequestRecord.Outcome outcome = status == 0 ? RequestRecord.IN_FLIGHT : new RequestRecord.Completed(status,
                    failed ? new RequestRecord.Failure("rate_limit_error",
                            "Rate limit reached for requests, please retry after 2s") : null,
                    r[5].isEmpty() ? null : Long.valueOf(r[5]), r[6].isEmpty() ? 0 : Long.parseLong(r[6]), usage);
            var record = new RequestRecord("req_demo_" + i, T0.plusSeconds(i * 17L), routing, r[3].equals("1"),
                    outcome, request.getBytes(StandardCharsets.UTF_8), status == 0 ? null : response, null);
            context.log().publish(record);
        }
    }

    private static void save(Scene scene, String name) throws IOException {
        AtomicReference<Image> image = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> image.set(scene.snapshot(null)));
        Path dir = Path.of(System.getProperty("ccbridge.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        ImageIO.write(toBuffered(image.get()), "png", dir.resolve(name).toFile());
        TestApp.class.getName(); // (keeps the test support on the desktop classpath)
    }

    private static BufferedImage toBuffered(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        var out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
