package dev.ccbridge.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL, no shutdown hooks, no finally blocks) while it saves the config
 * leaves the previous file or the new one, never a broken or mixed one: a child JVM saves in a
 * loop and is killed at random moments, again and again.
 */
class ConfigCrashSafetyTest {
    private static final int KILLS = 25;

    @TempDir
    Path dir;

    @Test
    void aProcessKilledWhileSavingLeavesAWholeConfig() throws Exception {
        Path file = dir.resolve("config.json");
        var random = new Random(42);
        int previousGeneration = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    ConfigSaveLoop.class.getName(), file.toString(), String.valueOf(kill * 1000))
                    .redirectErrorStream(true).start();
            try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).as("the child started saving").isEqualTo("saving");
                Thread.sleep(random.nextInt(120));
                child.destroyForcibly(); // SIGKILL on Unix
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            int generation = wholeGeneration(file);
            assertThat(generation).as("kill %d left an older generation than it found", kill)
                    .isGreaterThanOrEqualTo(kill * 1000).isNotEqualTo(previousGeneration);
            previousGeneration = generation;
        }
        // What the gateway would do next: load it, without moving anything aside as corrupt.
        var loaded = new ConfigStore(file).load();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.config().targets()).hasSize(ConfigSaveLoop.TARGETS);
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("corrupt"));
        }
    }

    @Test
    void tempFilesLeftByAKilledSaveAreRemovedOnceOld() throws Exception {
        Path file = dir.resolve("config.json");
        var store = new ConfigStore(file);
        store.save(ConfigSaveLoop.generation(1));
        Path stale = Files.writeString(dir.resolve(".config-123.tmp"), "{\"half\":");
        Path fresh = Files.writeString(dir.resolve(".config-456.tmp"), "{\"being written");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));

        store.load();

        assertThat(stale).doesNotExist();
        assertThat(fresh).as("a save running now in another process keeps its file").exists();
    }

    /** Reads the file as a whole generation; fails on a broken file or one mixing two generations. */
    private static int wholeGeneration(Path file) throws Exception {
        GatewayConfig config = Json.CONFIG.readValue(file.toFile(), GatewayConfig.class);
        int generation = config.port() - ConfigSaveLoop.BASE_PORT;
        List<Target> targets = config.targets();
        assertThat(targets).hasSize(ConfigSaveLoop.TARGETS);
        assertThat(targets).allSatisfy(t -> assertThat(t.name()).isEqualTo("gen-" + generation));
        return generation;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
