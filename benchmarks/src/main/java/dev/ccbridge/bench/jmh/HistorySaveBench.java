package dev.ccbridge.bench.jmh;

import dev.ccbridge.bench.RecordedBodies;
import dev.ccbridge.core.log.HistoryLimits;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.protocol.anthropic.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the request history costs per request (off the request's thread, but on the same cores):
 * one answered request with a recorded Claude Code body saved into a fresh history, as
 * {@code serve} and the app keep it (body redacted and capped, usage counted, old entries pruned).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HistorySaveBench {
    /** A {@link RecordedBodies} id: small, medium, large, images. */
    @Param({"small", "medium", "large", "images"})
    public String body;

    private byte[] bytes;
    private Path dir;
    private RequestStore store;
    private long saved;

    private static final RequestRecord.Routing ROUTING = new RequestRecord.Routing("bench", "bench",
            "chat_completions", RequestRecord.Addressed.of("root"), "claude-sonnet-4-5", "gpt-4.1", null);
    private static final String ANSWER = "{\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\""
            + "The answer. ".repeat(100) + "\"}]}";

    @Setup
    public void setUp() throws IOException {
        bytes = RecordedBodies.valueOf(body.toUpperCase(Locale.ROOT)).bytes();
        dir = Files.createTempDirectory("ccbridge-history-bench");
        store = RequestStore.open(dir.resolve("history.db"), HistoryLimits.DEFAULT);
    }

    @TearDown
    public void tearDown() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public void save() {
        var done = new RequestRecord.Completed(200, null, 5L, 40L, new Usage(12_000, 300, 0, 0));
        store.saveAll(List.of(RequestRecord.started("bench-" + saved++, Instant.now(), ROUTING, true, bytes)
                .completed(done, ANSWER)));
    }
}
