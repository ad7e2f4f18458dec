package dev.ccbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ConfigPaths;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppPathsTest {
    @Test
    void theHistoryIsWhereTheCommandLineLooksForIt() {
        AppPaths platform = AppPaths.resolve(null, Map.of("XDG_DATA_HOME", "/d"), "Linux", "/home/u");
        assertThat(platform.historyDatabase()).isEqualTo(
                ConfigPaths.dataDir(null, Map.of("XDG_DATA_HOME", "/d"), "Linux", "/home/u").resolve("history.db"))
                .isEqualTo(Path.of("/d/ccbridge/history.db"));
    }

    @Test
    void anExplicitConfigOrHomeKeepsDataBesideIt() {
        AppPaths explicit = AppPaths.resolve(Path.of("/tmp/other/config.json"), Map.of(), "Linux", "/home/u");
        assertThat(explicit.dataDir()).isEqualTo(Path.of("/tmp/other"));
        assertThat(explicit.historyDatabase()).isEqualTo(Path.of("/tmp/other/history.db"));
        AppPaths home = AppPaths.resolve(null, Map.of("CCBRIDGE_HOME", "/srv/ccb"), "Linux", "/home/u");
        assertThat(home.configFile()).isEqualTo(Path.of("/srv/ccb/config.json"));
        assertThat(home.dataDir()).isEqualTo(Path.of("/srv/ccb"));
    }
}
