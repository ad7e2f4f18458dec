package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.CcbridgeProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./ccbridge} itself, in a copy of the checkout whose {@code mvnw} stands in for Maven: it
 * counts builds and "builds" by pointing at the real build's classes. The launcher must build on
 * first use and after a source changed, never otherwise, and report a failed build.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptTest {
    @TempDir
    Path dir;

    private Path checkout;
    private Path source;
    private CcbridgeProcess ccbridge;

    @BeforeEach
    void setUp() throws Exception {
        Path real = CcbridgeProcess.checkoutLauncher().getParent();
        checkout = Files.createDirectories(dir.resolve("checkout"));
        for (String file : new String[] {"ccbridge", "scripts/lib/java25.sh", "scripts/ccbridge-jvm.options",
                "pom.xml", "proxy-core/pom.xml"}) {
            Files.createDirectories(checkout.resolve(file).getParent());
            Files.copy(real.resolve(file), checkout.resolve(file));
        }
        source = checkout.resolve("proxy-core/src/main/java/Example.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Example {}\n");
        String realClassPath = real.resolve("proxy-core/target/classes") + ":"
                + Files.readString(real.resolve("proxy-core/target/runtime-classpath.txt")).strip();
        Path mvnw = checkout.resolve("mvnw");
        Files.writeString(mvnw, """
                #!/bin/sh
                echo "$*" >> builds.log
                if [ -f fail-build ]; then echo "[ERROR] Example.java:[1,1] class, interface, or enum expected"; exit 1; fi
                mkdir -p proxy-core/target/classes
                printf '%%s' '%s' > proxy-core/target/runtime-classpath.txt
                """.formatted(realClassPath));
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        ccbridge = new CcbridgeProcess(dir.resolve("run"), checkout.resolve("ccbridge"));
    }

    private long builds() throws Exception {
        Path log = checkout.resolve("builds.log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    private void editSource() throws Exception {
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
    }

    @Test
    void buildsOnFirstUseThenOnlyWhenASourceChanged() throws Exception {
        Result first = ccbridge.run("targets", "list");
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.err()).contains("building proxy-core");
        assertThat(first.out()).contains("openai");
        assertThat(Files.readString(checkout.resolve("builds.log"))).contains("-pl proxy-core -am process-classes");
        assertThat(builds()).isEqualTo(1);

        Result second = ccbridge.run("targets", "list");
        assertThat(second.err()).doesNotContain("building");
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(builds()).isEqualTo(1);

        editSource();
        Result third = ccbridge.run("--version");
        assertThat(third.exit()).isZero();
        assertThat(third.err()).contains("building proxy-core");
        assertThat(builds()).isEqualTo(2);
    }

    @Test
    void aFailedBuildIsReportedWithTheCompilersWords() throws Exception {
        Files.writeString(checkout.resolve("fail-build"), "");

        Result run = ccbridge.run("targets", "list");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("ccbridge: the build failed")
                .contains("Example.java:[1,1] class, interface, or enum expected");
    }

    @Test
    void relativePathsAreTakenFromWhereItRuns() throws Exception {
        Result run = ccbridge.run("--config", "mine.json", "targets", "list");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(ccbridge.workDir().resolve("mine.json")).exists();
    }
}
