package dev.ccbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.secrets.KeyStorage;
import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.testing.FakeProvider;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppContextTest {
    @TempDir
    Path dir;

    @Test
    void aFirstRunStartsFromTheDefaultTargetsAndSaysSo() {
        try (var context = AppContext.open(new AppPaths(dir.resolve("config.json"), dir), 0,
                settings -> KeyStorage.of(new InMemorySecretStore()))) {
            assertThat(context.firstRun()).isTrue();
            assertThat(context.registry().targets()).extracting(Target::id).contains("openai", "deepseek");
            assertThat(dir.resolve("config.json")).exists();
        }
        try (var again = AppContext.open(new AppPaths(dir.resolve("config.json"), dir), 0,
                settings -> KeyStorage.of(new InMemorySecretStore()))) {
            assertThat(again.firstRun()).isFalse();
        }
    }

    @Test
    void settingsLiveInTheConfigFileAndSurviveARestart() throws Exception {
        try (var context = TestApp.open(dir)) {
            context.saveSettings(new AppSettings(false, 300, 14, AppSettings.Theme.DARK, true), 9123);
        }
        assertThat(Files.readString(dir.resolve("config.json"))).contains("\"app\"").contains("\"theme\" : \"dark\"");
        try (var context = TestApp.open(dir)) {
            assertThat(context.settings()).isEqualTo(new AppSettings(false, 300, 14, AppSettings.Theme.DARK, true));
            assertThat(context.registry().config().port()).isEqualTo(9123);
        }
    }

    @Test
    void requestsThroughTheGatewayAreKeptInTheHistoryAcrossRestarts() {
        try (var provider = FakeProvider.start()) {
            try (var context = TestApp.open(dir)) {
                Target target = context.registry().put(provider.target("Fake", "fake-model"));
                context.secrets().put(target.secretAccount(), "sk-fake-0123456789abcdef");
                context.server().start();
                assertThat(TestApp.ask(context, "claude-sonnet-4-5", "ping", true).statusCode()).isEqualTo(200);
                context.flushHistory();
            }
            try (var context = TestApp.open(dir)) {
                var recent = context.history().orElseThrow().recent(10);
                assertThat(recent).singleElement().satisfies(r -> {
                    assertThat(r.targetName()).isEqualTo("Fake");
                    assertThat(r.upstreamModel()).isEqualTo("fake-model");
                    assertThat(r.usage().inputTokens()).isEqualTo(12);
                });
                assertThat(context.history().orElseThrow().usage(1)).singleElement()
                        .satisfies(u -> assertThat(u.requests()).isEqualTo(1));
            }
        }
    }
}
