package dev.ccbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.settings.AppSettings;
import dev.ccbridge.app.testing.FakeTargets;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.secrets.KeyStorage;
import dev.ccbridge.core.target.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AppContextTest {
    @TempDir
    Path dir;

    @Test
    void aFirstRunStartsFromTheDefaultTargetsAndSaysSo() {
        try (var context = AppContext.open(new AppPaths(dir.resolve("config.json"), dir), 0,
                () -> KeyStorage.of(new InMemorySecretStore()))) {
            assertThat(context.firstRun()).isTrue();
            assertThat(context.registry().targets()).extracting(Target::id).contains("openai", "deepseek");
            assertThat(dir.resolve("config.json")).exists();
        }
        try (var again = AppContext.open(new AppPaths(dir.resolve("config.json"), dir), 0,
                () -> KeyStorage.of(new InMemorySecretStore()))) {
            assertThat(again.firstRun()).isFalse();
        }
    }

    @Test
    void settingsLiveInTheConfigFileAndSurviveARestart() throws Exception {
        try (var context = TestApp.open(dir)) {
            context.saveSettings(new AppSettings(false, 300, 14, AppSettings.Theme.DARK), 9123);
        }
        assertThat(Files.readString(dir.resolve("config.json"))).contains("\"app\"").contains("\"theme\" : \"dark\"");
        try (var context = TestApp.open(dir)) {
            assertThat(context.settings()).isEqualTo(new AppSettings(false, 300, 14, AppSettings.Theme.DARK));
            assertThat(context.registry().config().port()).isEqualTo(9123);
        }
    }

    @Test
    void requestsThroughTheGatewayAreKeptInTheHistoryAcrossRestarts() {
        try (var provider = FakeTargets.provider()) {
            try (var context = TestApp.open(dir)) {
                Target target = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
                context.secrets().put(target.secretAccount(), "sk-fake-0123456789abcdef");
                context.server().start();
                assertThat(TestApp.ask(context, "claude-sonnet-4-5", "ping", true).statusCode()).isEqualTo(200);
                context.flushHistory();
            }
            try (var context = TestApp.open(dir)) {
                var recent = context.history().orElseThrow().recent(10);
                assertThat(recent).singleElement().satisfies(r -> {
                    assertThat(r.routing().targetName()).isEqualTo("Fake");
                    assertThat(r.routing().upstreamModel()).isEqualTo("fake-model");
                    assertThat(r.completion().orElseThrow().usage().inputTokens()).isEqualTo(12);
                });
                assertThat(context.history().orElseThrow().usage(1)).singleElement()
                        .satisfies(u -> assertThat(u.requests()).isEqualTo(1));
            }
        }
    }

    /** The history holds prompts and answers: only its owner may read it or list its folder. */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theHistoryAndItsFolderAreReadableByTheUserOnly() throws Exception {
        Path data = dir.resolve("data").resolve("ccbridge");
        try (var provider = FakeTargets.provider();
             var context = AppContext.open(new AppPaths(dir.resolve("config.json"), data), 0,
                     () -> KeyStorage.of(new InMemorySecretStore()))) {
            Target target = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
            context.registry().activate(target.id());
            context.server().start();
            assertThat(TestApp.ask(context, "claude-sonnet-4-5", "a private prompt", true).statusCode()).isEqualTo(200);
            context.flushHistory();

            assertThat(permissions(data)).isEqualTo("rwx------");
            assertThat(permissions(data.getParent())).as("a folder it created on the way").isEqualTo("rwx------");
            try (var files = Files.list(data)) {
                assertThat(files.filter(f -> f.getFileName().toString().startsWith("history.db")))
                        .as("history.db with its -wal and -shm").hasSizeGreaterThanOrEqualTo(1)
                        .allSatisfy(f -> assertThat(permissions(f)).as(f.toString()).isEqualTo("rw-------"));
            }
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aHistoryLeftReadableByAnOlderVersionIsMadePrivate() throws Exception {
        Files.createDirectories(dir);
        Path history = dir.resolve("history.db");
        Files.createFile(history);
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-r--r--"));

        try (var context = TestApp.open(dir)) {
            assertThat(context.history()).isPresent();
            assertThat(permissions(history)).isEqualTo("rw-------");
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
