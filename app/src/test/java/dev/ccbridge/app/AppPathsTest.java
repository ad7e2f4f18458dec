package dev.ccbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppPathsTest {
    @Test
    void linuxDataGoesToTheXdgDataDir() {
        assertThat(AppPaths.platformDataDir(Map.of("XDG_DATA_HOME", "/d"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/d/ccbridge"));
        assertThat(AppPaths.platformDataDir(Map.of(), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/ccbridge"));
    }

    @Test
    void macAndWindowsUseTheirOwnPlaces() {
        assertThat(AppPaths.platformDataDir(Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/ccbridge"));
        assertThat(AppPaths.platformDataDir(Map.of("LOCALAPPDATA", "C:/Users/u/AppData/Local"), "Windows 11", "C:/Users/u"))
                .isEqualTo(Path.of("C:/Users/u/AppData/Local", "ccbridge"));
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
