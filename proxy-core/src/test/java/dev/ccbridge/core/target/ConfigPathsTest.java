package dev.ccbridge.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the history lives, the same for the app and the command line. */
class ConfigPathsTest {
    @Test
    void linuxDataGoesToTheXdgDataDir() {
        assertThat(ConfigPaths.dataDir(null, Map.of("XDG_DATA_HOME", "/d"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/d/ccbridge"));
        assertThat(ConfigPaths.dataDir(null, Map.of(), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/ccbridge"));
    }

    @Test
    void macAndWindowsUseTheirOwnPlaces() {
        assertThat(ConfigPaths.dataDir(null, Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/ccbridge"));
        assertThat(ConfigPaths.dataDir(null, Map.of("LOCALAPPDATA", "C:/Users/u/AppData/Local"), "Windows 11",
                "C:/Users/u")).isEqualTo(Path.of("C:/Users/u/AppData/Local", "ccbridge"));
    }

    @Test
    void anExplicitConfigOrHomeKeepsDataBesideIt() {
        assertThat(ConfigPaths.dataDir(Path.of("/tmp/other/config.json"), Map.of("XDG_DATA_HOME", "/d"), "Linux",
                "/home/u")).isEqualTo(Path.of("/tmp/other"));
        assertThat(ConfigPaths.dataDir(null, Map.of("CCBRIDGE_HOME", "/srv/ccb"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/srv/ccb"));
    }
}
