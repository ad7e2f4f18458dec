package dev.ccbridge.core.target;

import dev.ccbridge.core.model.ModelTiers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A child process for {@link ConfigCrashSafetyTest}: saves generation after generation of a
 * config into the file given, as fast as it can, until it is killed. Every generation is
 * self-consistent (its port and every target's name carry the generation number), so a reader
 * can tell a whole file from a mix of two.
 */
public final class ConfigSaveLoop {
    static final int BASE_PORT = 10_000;
    static final int TARGETS = 60;

    private ConfigSaveLoop() {}

    public static void main(String[] args) {
        var store = new ConfigStore(Path.of(args[0]));
        int generation = Integer.parseInt(args[1]);
        boolean announced = false;
        while (true) {
            store.save(generation(generation));
            if (!announced) {
                System.out.println("saving");
                System.out.flush();
                announced = true;
            }
            generation = generation % 50_000 + 1;
        }
    }

    static GatewayConfig generation(int generation) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < TARGETS; i++) {
            targets.add(Target.builder().id("t" + i).name("gen-" + generation).provider("openai")
                    .baseUrl("https://example.invalid/v1").model("model-" + i)
                    .apiMode(ApiMode.CHAT_COMPLETIONS).headers(Map.of("X-Pad", "p".repeat(200)))
                    .token("ccb_token" + i).build());
        }
        return new GatewayConfig(1, BASE_PORT + generation, "ccb_install", "t0", targets, null);
    }
}
