package dev.ccbridge.bench.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Chooses, from the bodies one recording session captured, the set the benchmarks send (see
 * {@link dev.ccbridge.bench.RecordedBodies}), copied unchanged: the smallest request, the one
 * nearest 50 KB (no image yet), the one nearest 500 KB before the screenshot (the icon only), and
 * the first with the screenshot. And the two ccbridge's start-up warm-up sends, with Claude Code's
 * prompts replaced ({@link PromptScrubber}): the smallest, and a mid-session one nearest 150 KB.
 */
final class BodyPicker {
    /** One captured body and what the choice looks at. */
    record Captured(Path file, long bytes, int messages, int tools, int images) {
        static Captured read(Path file) throws IOException {
            JsonNode body = Json.WIRE.readTree(file.toFile());
            return new Captured(file, Files.size(file), body.path("messages").size(), body.path("tools").size(),
                    body.findValues("type").stream().filter(t -> t.asText().equals("image")).toList().size());
        }

        String describe() {
            return String.format(Locale.ROOT, "%,d bytes, %d messages, %d tools, %d images", bytes, messages, tools,
                    images);
        }
    }

    private BodyPicker() {}

    static List<String> pick(Path raw, Path out, Path warmUp) throws IOException {
        List<Captured> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(raw)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.add(Captured.read(file));
            }
        }
        Files.createDirectories(out);
        List<String> chosen = new ArrayList<>();
        Predicate<Captured> beforeScreenshot = c -> c.images() <= 1;
        Captured small = nearest(all, 0, c -> true);
        chosen.add(copy("small", small, out));
        chosen.add(copy("medium", nearest(all, 50 * 1024, c -> c.images() == 0), out));
        chosen.add(copy("large", nearest(all, 500 * 1024, beforeScreenshot), out));
        chosen.add(copy("images", all.stream().filter(c -> c.images() > 1).findFirst()
                .orElseThrow(() -> new IllegalStateException("no captured body has the screenshot")), out));
        Files.createDirectories(warmUp);
        Captured session = nearest(all, 150 * 1024, beforeScreenshot);
        for (var entry : java.util.Map.of("small", small, "session", session).entrySet()) {
            Files.write(warmUp.resolve(entry.getKey() + ".json"), PromptScrubber.scrub(Files.readAllBytes(entry.getValue().file())));
            chosen.add("warm-up " + entry.getKey() + ".json: " + entry.getValue().file().getFileName() + " with prompts replaced");
        }
        return chosen;
    }

    private static Captured nearest(List<Captured> all, long bytes, Predicate<Captured> filter) {
        return all.stream().filter(filter).min(Comparator.comparingLong(c -> Math.abs(c.bytes() - bytes)))
                .orElseThrow(() -> new IllegalStateException("nothing captured"));
    }

    private static String copy(String name, Captured body, Path out) throws IOException {
        Files.copy(body.file(), out.resolve(name + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return name + ".json: " + body.file().getFileName() + ", " + body.describe();
    }
}
