package dev.ccbridge.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {
    @TempDir
    Path dir;

    @Test
    void aFirstStartWritesTheEmbeddedDefaultWithFreshTokens() throws Exception {
        var store = new ConfigStore(dir.resolve("config.json"));
        ConfigStore.Loaded loaded = store.load();

        assertThat(loaded.created()).isTrue();
        assertThat(loaded.config().targets()).isNotEmpty();
        assertThat(loaded.config().active()).isPresent();
        assertThat(loaded.config().installToken()).startsWith("ccb_");
        assertThat(loaded.config().targets()).allSatisfy(t -> assertThat(t.token()).startsWith("ccb_"));
        assertThat(Files.readString(store.file())).contains("\"apiMode\" : \"chat_completions\"");
        // A second start reads the same tokens back.
        assertThat(store.load().config().installToken()).isEqualTo(loaded.config().installToken());
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        var store = new ConfigStore(dir.resolve("config.json"));
        store.load();
        assertThat(Files.getPosixFilePermissions(store.file()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aCorruptFileIsMovedAsideAndReportedNeverSilentlyLost() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"targets\": [ {\"name\": \"half");
        ConfigStore.Loaded loaded = new ConfigStore(file).load();

        assertThat(loaded.warnings()).singleElement().asString().contains("could not be read").contains("moved to");
        try (var files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("config.json.corrupt-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(aside)).isEqualTo("{\"targets\": [ {\"name\": \"half");
        }
        assertThat(loaded.config().targets()).isNotEmpty();
    }

    @Test
    void fieldsFromANewerVersionSurviveARoundTrip() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, """
                {"schemaVersion":1,"port":9000,"futureSetting":{"x":1},
                 "targets":[{"id":"a","name":"A","provider":"p","baseUrl":"http://h/v1/","model":"m",
                   "apiMode":"chat_completions","futureTargetField":[1,2]}]}""");
        var store = new ConfigStore(file);
        GatewayConfig config = store.load().config();
        store.save(config);

        String written = Files.readString(file);
        assertThat(written).contains("futureSetting").contains("futureTargetField");
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.targets().getFirst().baseUrl()).isEqualTo("http://h/v1");
    }

    @Test
    void savingReplacesTheFileAtomically() throws Exception {
        var store = new ConfigStore(dir.resolve("config.json"));
        GatewayConfig config = store.load().config();
        store.save(config.withPort(9100));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("config.json");
        }
        assertThat(store.load().config().port()).isEqualTo(9100);
    }

    @Test
    void registeringTheSameTargetAgainKeepsItsRouteKeyAndToken() {
        var registry = new TargetRegistry(new GatewayConfig(0, 0, null, null, List.of(), null), null);
        var target = Target.builder().name("DeepSeek").provider("deepseek").baseUrl("https://api.deepseek.com/")
                .model("deepseek-chat").apiMode(ApiMode.CHAT_COMPLETIONS).build();
        Target first = registry.put(target);
        Target again = registry.put(target);

        assertThat(again.token()).isEqualTo(first.token());
        assertThat(again.routeKey()).isEqualTo(first.routeKey());
        assertThat(registry.targets()).hasSize(1);
        assertThat(first.id()).isEqualTo("deepseek");
    }

    @Test
    void theRouteKeyIsBase64UrlOfProviderModelModeAndBaseUrl() {
        var target = Target.builder().id("x").name("X").provider("openai").baseUrl("https://api.openai.com/v1/")
                .model("gpt-5.1").apiMode(ApiMode.CHAT_COMPLETIONS).build();
        String decoded = new String(java.util.Base64.getUrlDecoder().decode(target.routeKey()));
        assertThat(decoded).isEqualTo("openai\0gpt-5.1\0chat_completions\0https://api.openai.com/v1");
        assertThat(target.routeKey()).doesNotContain("=").doesNotContain("+").doesNotContain("/");
    }

    @Test
    void removingTheActiveTargetActivatesAnother() {
        var registry = new TargetRegistry(new GatewayConfig(0, 0, null, null, List.of(), null), null);
        Target a = registry.put(Target.builder().name("A").provider("a").baseUrl("http://a").model("m")
                .apiMode(ApiMode.CHAT_COMPLETIONS).build());
        Target b = registry.put(Target.builder().name("B").provider("b").baseUrl("http://b").model("m")
                .apiMode(ApiMode.CHAT_COMPLETIONS).build());
        assertThat(registry.active()).contains(a);
        registry.remove(a.id());
        assertThat(registry.active().map(Target::id)).contains(b.id());
    }

    @Test
    void aChangeWrittenByAnotherProcessIsPickedUp() throws Exception {
        var store = new ConfigStore(dir.resolve("config.json"));
        var registry = new TargetRegistry(store.load().config(), store);
        String other = registry.targets().get(1).id();
        try (var ignored = ConfigWatcher.start(store, registry)) {
            // another process (the CLI) activates a different target
            var cli = new TargetRegistry(store.load().config(), store);
            cli.activate(other);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(registry.active().map(Target::id)).contains(other));
        }
    }
}
