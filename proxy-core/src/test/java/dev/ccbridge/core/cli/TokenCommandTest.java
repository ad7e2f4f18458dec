package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.CcbridgeProcess.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ccbridge token rotate}, run as the real launcher. */
class TokenCommandTest {
    @TempDir
    Path dir;

    @Test
    void rotationIssuesANewTokenAndPrintsIt() {
        var ccbridge = new CcbridgeProcess(dir);
        ccbridge.run("targets", "list");
        var store = new ConfigStore(ccbridge.configFile());
        String before = store.load().config().installToken();

        Result rotate = ccbridge.run("token", "rotate");

        String after = store.load().config().installToken();
        assertThat(rotate.exit()).as(rotate.toString()).isZero();
        assertThat(after).isNotEqualTo(before);
        assertThat(rotate.out()).startsWith("New token: " + after + "\n");
        assertThat(ccbridge.run("env").out()).contains(after).doesNotContain(before);
    }

    @Test
    void aTargetsTokenIsRotatedAloneAndAnUnknownTargetIsRefused() {
        var ccbridge = new CcbridgeProcess(dir);
        ccbridge.run("targets", "list");
        var store = new ConfigStore(ccbridge.configFile());
        String install = store.load().config().installToken();
        String before = store.load().config().target("deepseek").orElseThrow().token();

        Result rotate = ccbridge.run("token", "rotate", "--target", "deepseek");

        assertThat(rotate.exit()).isZero();
        String after = store.load().config().target("deepseek").orElseThrow().token();
        assertThat(after).isNotEqualTo(before);
        assertThat(store.load().config().installToken()).isEqualTo(install);
        Result unknown = ccbridge.run("token", "rotate", "--target", "nosuch");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("ccbridge: no target 'nosuch'\n");
    }
}
