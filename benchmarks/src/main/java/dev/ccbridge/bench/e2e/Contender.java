package dev.ccbridge.bench.e2e;

import dev.ccbridge.bench.RecordedBodies;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One server under test: how to reach it (path, headers, body set), what marks a piece of text in
 * its answers, and its processes (for memory, and to stop them).
 *
 * @param bodies   directory with the {@link BodySets} files
 * @param textMark bytes that occur once per text piece in its streamed answers
 */
record Contender(String name, URI base, String path, Map<String, String> headers, Path bodies, String textMark,
                 List<Process> processes) {

    byte[] body(RecordedBodies body, boolean stream) throws IOException {
        return Files.readAllBytes(bodyFile(body, stream));
    }

    Path bodyFile(RecordedBodies body, boolean stream) {
        return BodySets.file(bodies, body, stream);
    }

    String url() {
        return base.resolve(path).toString();
    }

    /** Resident memory of its processes and their children, in KiB ({@code VmRSS}), or -1 if unknown. */
    long rssKib() {
        return sum("VmRSS:");
    }

    /** Peak resident memory since start ({@code VmHWM}, summed over the processes), KiB. */
    long peakRssKib() {
        return sum("VmHWM:");
    }

    /**
     * CPU time (user + system) its processes and their children have used so far, in ms, from
     * {@code /proc/PID/stat} (clock ticks of 10 ms: read it around runs of many requests).
     */
    long cpuMillis() {
        long ticks = 0;
        for (ProcessHandle handle : handles()) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
                // Fields after the command name (which may hold blanks) are blank-separated; utime is the 14th.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                // a process that just ended has no stat: counts as nothing
            }
        }
        return ticks * 1000 / CLOCK_TICKS;
    }

    /** The kernel's clock ticks per second (USER_HZ), 100 on every Linux of note. */
    private static final long CLOCK_TICKS = 100;

    private long sum(String field) {
        if (processes.isEmpty()) {
            return -1;
        }
        long total = 0;
        for (ProcessHandle handle : handles()) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
                    if (line.startsWith(field)) {
                        total += Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a process that just ended has no status: counts as nothing
            }
        }
        return total;
    }

    private List<ProcessHandle> handles() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process process : processes) {
            all.add(process.toHandle());
            try (Stream<ProcessHandle> children = process.descendants()) {
                children.forEach(all::add);
            }
        }
        return all;
    }

    /**
     * Freezes its processes (SIGSTOP) while another contender is measured, so background work it
     * does between requests (claude-code-router 3 keeps a core busy after a load) lands in its
     * own measurements rather than in its neighbours'. The direct call's provider is never paused.
     */
    void pause() {
        signal("-STOP");
    }

    void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        handles().forEach(handle -> command.add(Long.toString(handle.pid())));
        try {
            new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops its processes and their children (only those this run started). */
    void stop() {
        resume();
        for (ProcessHandle handle : handles().reversed()) {
            handle.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
