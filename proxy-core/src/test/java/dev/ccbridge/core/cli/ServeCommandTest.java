package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.CcbridgeProcess.Result;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ccbridge serve}, run as the real launcher: its banner, its request lines, its errors. */
class ServeCommandTest {
    @TempDir
    Path dir;

    private CcbridgeProcess ccbridge;

    @BeforeEach
    void setUp() {
        ccbridge = new CcbridgeProcess(dir);
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aTakenPortIsAClearMessageAndAFailingExitCode() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Result run = ccbridge.run("serve", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("port " + taken.getLocalPort()).contains("already in use")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void theBannerSaysWhereItListensAndHowToPointClaudeCodeAtIt() throws Exception {
        int port = freePort();
        try (var serve = ccbridge.start("serve", "--port", String.valueOf(port))) {
            String banner = serve.awaitOut("Other shells:");

            String token = new ConfigStore(ccbridge.configFile()).load().config().installToken();
            assertThat(banner).startsWith("ccbridge listening on http://127.0.0.1:" + port + "\n")
                    .contains("Config: " + ccbridge.configFile())
                    .contains("Active target: OpenAI [openai]")
                    .contains("  export ANTHROPIC_BASE_URL='http://127.0.0.1:" + port + "'\n")
                    .contains("  export ANTHROPIC_AUTH_TOKEN='" + token + "'\n");
            Result stopped = serve.stop();
            assertThat(stopped.err()).doesNotContain("Exception");
        }
    }
}
