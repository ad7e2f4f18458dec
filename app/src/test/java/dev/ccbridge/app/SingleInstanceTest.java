package dev.ccbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {
    @TempDir
    Path dir;

    @Test
    void aSecondLaunchAsksTheFirstToShowItselfAndStepsBack() throws Exception {
        Path socket = dir.resolve("app.sock");
        var first = SingleInstance.claim(socket);
        assertThat(first).isInstanceOf(SingleInstance.Claim.Primary.class);
        var shown = new CountDownLatch(1);
        try (var instance = ((SingleInstance.Claim.Primary) first).instance()) {
            instance.onShowRequest(shown::countDown);
            assertThat(SingleInstance.claim(socket)).isInstanceOf(SingleInstance.Claim.Secondary.class);
            assertThat(shown.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aRequestBeforeTheWindowExistsIsNotLost() throws Exception {
        Path socket = dir.resolve("app.sock");
        try (var instance = ((SingleInstance.Claim.Primary) SingleInstance.claim(socket)).instance()) {
            assertThat(SingleInstance.claim(socket)).isInstanceOf(SingleInstance.Claim.Secondary.class);
            var shown = new CountDownLatch(1);
            instance.onShowRequest(shown::countDown);
            assertThat(shown.getCount()).isZero();
        }
    }

    @Test
    void aSocketLeftByACrashIsTakenOver() throws Exception {
        Path socket = dir.resolve("app.sock");
        Files.writeString(socket, "stale");
        var claim = SingleInstance.claim(socket);
        assertThat(claim).isInstanceOf(SingleInstance.Claim.Primary.class);
        ((SingleInstance.Claim.Primary) claim).instance().close();
        assertThat(socket).doesNotExist();
    }

    @Test
    void aSocketPathTooLongForTheOsMovesToTheTempDir() {
        Path deep = dir.resolve("x".repeat(120)).resolve("app.sock");
        Path usable = SingleInstance.usable(deep);
        assertThat(usable.toString().length()).isLessThan(100);
        assertThat(usable).isEqualTo(SingleInstance.usable(deep));
    }
}
