package dev.ccbridge.app.autostart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppPaths;
import dev.ccbridge.core.target.ConfigPaths;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the login entry starts: the installed launcher, or this build; and the same configuration. */
class LaunchCommandTest {
    private final Path java = Path.of("/jdk");

    @Test
    void anInstalledCcbridgeStartsItsLauncher() {
        var defaults = new AppPaths(ConfigPaths.configFile(), Path.of("/data"));
        assertThat(LaunchCommand.of(defaults, Map.of(), "/opt/ccbridge/bin/ccbridge", java, "ignored").arguments())
                .containsExactly("/opt/ccbridge/bin/ccbridge");
    }

    @Test
    void aBuildStartsThisJavaWithThisClassPath() {
        var defaults = new AppPaths(ConfigPaths.configFile(), Path.of("/data"));
        assertThat(LaunchCommand.of(defaults, Map.of(), null, java, "/src/app/target/classes:/m2/x.jar").arguments())
                .containsExactly("/jdk/bin/java", "--enable-native-access=ALL-UNNAMED", "-classpath",
                        "/src/app/target/classes:/m2/x.jar", "dev.ccbridge.app.Launcher");
    }

    @Test
    void aChosenConfigurationIsPassedOnSinceTheLoginSessionDoesNotKnowIt() {
        var chosen = new AppPaths(Path.of("/work/other/config.json"), Path.of("/work/other"));
        assertThat(LaunchCommand.of(chosen, Map.of(), "/opt/ccbridge/bin/ccbridge", java, "").arguments())
                .containsExactly("/opt/ccbridge/bin/ccbridge", "--config", "/work/other/config.json");
        var fromHome = new AppPaths(ConfigPaths.configFile(), Path.of("/data"));
        assertThat(LaunchCommand.of(fromHome, Map.of(ConfigPaths.HOME_VARIABLE, "/somewhere"), "/opt/ccbridge/bin/ccbridge",
                java, "").arguments()).endsWith("--config", ConfigPaths.configFile().toString());
    }
}
