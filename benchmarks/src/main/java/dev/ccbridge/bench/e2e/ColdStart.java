package dev.ccbridge.bench.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.bench.RecordedBodies;
import dev.ccbridge.core.json.Json;
import java.nio.file.Path;
import java.util.Map;

/**
 * The first requests after a fresh start, as a desktop proxy sees them: ccbridge is started,
 * and {@code delaySeconds} after it accepts connections (0: at once, as when Claude Code starts
 * with it; later: ccbridge was started first, at login say) it gets {@code requests} streamed
 * requests one after the other, each followed by the same request to the provider directly
 * (whose JVM is warm), so every request is paired with a direct call made at the same moment.
 * Repeated over {@code starts} fresh processes. Per request: the time to the first text and to
 * the end of the answer.
 */
final class ColdStart {
    private ColdStart() {}

    static ObjectNode run(CcbridgeLauncher launcher, Contender direct, Path anthropicBodies, RecordedBodies body,
                          int starts, int requests, int delaySeconds) throws Exception {
        ObjectNode out = Json.object().put("body", body.id()).put("bodyBytes", body.bytes().length)
                .put("requests", requests).put("delaySeconds", delaySeconds);
        ArrayNode runs = out.putArray("starts");
        byte[] directBody = direct.body(body, true);
        for (int start = 0; start < starts; start++) {
            var started = launcher.start("ccbridge (fresh)", anthropicBodies, Map.of());
            Contender bridge = started.contender();
            Thread.sleep(delaySeconds * 1000L);
            ObjectNode run = runs.addObject().put("listeningMs", started.listeningMs());
            ArrayNode pairs = run.putArray("pairs");
            byte[] bridgeBody = bridge.body(body, true);
            long cpuBefore = bridge.cpuMillis();
            int errors = 0;
            try (var viaBridge = new HttpProbe(bridge.base()); var viaDirect = new HttpProbe(direct.base())) {
                for (int i = 0; i < requests; i++) {
                    var b = viaBridge.post(bridge.path(), bridge.headers(), bridgeBody, bridge.textMark());
                    var d = viaDirect.post(direct.path(), direct.headers(), directBody, direct.textMark());
                    if (b.status() != 200 || b.firstMarkNanos() < 0 || d.status() != 200) {
                        errors++;
                        continue;
                    }
                    pairs.addObject().put("bridgeUs", b.totalNanos() / 1000).put("directUs", d.totalNanos() / 1000)
                            .put("bridgeFirstTextUs", b.firstMarkNanos() / 1000)
                            .put("directFirstTextUs", d.firstMarkNanos() / 1000);
                }
            } finally {
                run.put("cpuMs", bridge.cpuMillis() - cpuBefore).put("rssKib", bridge.rssKib())
                        .put("peakRssKib", bridge.peakRssKib()).put("errors", errors);
                bridge.stop();
            }
            LoadBench.log(String.format("cold start %d (+%d s): listening after %.0f ms, %d requests, %d errors, CPU %d ms",
                    start, delaySeconds, started.listeningMs(), requests, errors, run.path("cpuMs").asLong()));
        }
        return out;
    }
}
