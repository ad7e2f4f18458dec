package dev.ccbridge.bench.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of a sample (nearest rank), as plain numbers and as a JSON summary. */
final class Stats {
    private Stats() {}

    static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static ObjectNode summary(List<Long> values) {
        ObjectNode node = Json.object();
        node.put("count", values.size());
        node.put("min", percentile(values, 0));
        node.put("p50", percentile(values, 50));
        node.put("p90", percentile(values, 90));
        node.put("p99", percentile(values, 99));
        node.put("max", percentile(values, 100));
        return node;
    }
}
