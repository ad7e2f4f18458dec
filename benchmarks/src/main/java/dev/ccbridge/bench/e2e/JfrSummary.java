package dev.ccbridge.bench.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a JFR recording of ccbridge under load says, in a few lines for the report: the methods
 * that were running when sampled (self), ccbridge's own methods with everything they called
 * (inclusive: a sample counts once for every method on its stack), the classes allocated most
 * (by sampled weight), and the time spent in garbage collection.
 */
final class JfrSummary {
    private static final int TOP = 20;

    private JfrSummary() {}

    static ObjectNode of(Path recording) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> allocated = new HashMap<>();
        long samples = 0;
        Duration gc = Duration.ZERO;
        int collections = 0;
        try (var file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        List<RecordedFrame> frames = event.getStackTrace().getFrames();
                        self.merge(name(frames.getFirst().getMethod()), 1L, Long::sum);
                        Set<String> seen = new HashSet<>();
                        for (RecordedFrame frame : frames) {
                            String method = name(frame.getMethod());
                            if (method.startsWith("dev.ccbridge.") && seen.add(method)) {
                                inclusive.merge(method, 1L, Long::sum);
                            }
                        }
                    }
                    case "jdk.ObjectAllocationSample" -> allocated.merge(
                            event.getClass("objectClass").getName(), event.getLong("weight"), Long::sum);
                    case "jdk.GarbageCollection" -> {
                        gc = gc.plus(event.getDuration());
                        collections++;
                    }
                    default -> { }
                }
            }
        }
        ObjectNode out = Json.object().put("executionSamples", samples).put("gcMillis", gc.toMillis())
                .put("collections", collections);
        top(out.putArray("selfTop"), self, samples);
        top(out.putArray("ccbridgeInclusiveTop"), inclusive, samples);
        long allocatedTotal = allocated.values().stream().mapToLong(Long::longValue).sum();
        top(out.putArray("allocationTop"), allocated, allocatedTotal);
        return out;
    }

    private static void top(ArrayNode into, Map<String, Long> counts, long total) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> into.addObject().put("name", e.getKey()).put("count", e.getValue())
                        .put("percent", total == 0 ? 0 : 100.0 * e.getValue() / total));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }
}
