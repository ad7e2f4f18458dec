package dev.ccbridge.core.log;

import dev.ccbridge.core.pricing.Usd;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Usage over a period as every front end shows it ({@code ccbridge usage}, the app's Usage view):
 * one line per target and day, one per target, and the total, each with its tokens and cost.
 *
 * @param days    per target and day, oldest day first
 * @param targets per target, the busiest first
 * @param total   all targets together
 */
public record UsageReport(List<Line> days, List<Line> targets, Line total) {

    /**
     * Sums of some requests.
     *
     * @param day      the day, or null for a total over the period
     * @param target   the target's name as shown; null on the total of all targets
     * @param costUsd  what the priced requests cost, or null when none was priced
     * @param unpriced requests with tokens but no known price
     */
    public record Line(LocalDate day, String target, long requests, long errors, long inputTokens,
                       long outputTokens, long cacheReadTokens, long cacheWriteTokens, Double costUsd,
                       long unpriced) {
        static Line of(RequestStore.DailyUsage row, String target) {
            return new Line(row.day(), target, row.requests(), row.errors(), row.inputTokens(), row.outputTokens(),
                    row.cacheReadTokens(), row.cacheCreationTokens(), row.costUsd(), row.unpricedRequests());
        }

        Line plus(Line other, LocalDate newDay, String newTarget) {
            return new Line(newDay, newTarget, requests + other.requests, errors + other.errors,
                    inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                    cacheReadTokens + other.cacheReadTokens, cacheWriteTokens + other.cacheWriteTokens,
                    sum(costUsd, other.costUsd), unpriced + other.unpriced);
        }

        /** Known costs added; unknown only when neither is known. */
        private static Double sum(Double a, Double b) {
            if (a == null) {
                return b;
            }
            return b == null ? a : Double.valueOf(a + b);
        }

        /** Whether this is the total of all targets. */
        public boolean total() {
            return target == null;
        }

        /** Everything the prompts took: input Anthropic-style excludes cache reads and writes. */
        public long promptTokens() {
            return inputTokens + cacheReadTokens + cacheWriteTokens;
        }

        /** {@code $0.0123}; {@code -} when nothing was priced; a {@code +} when some requests had no price. */
        public String costText() {
            return Usd.format(costUsd) + (costUsd != null && unpriced > 0 ? "+" : "");
        }
    }

    private static final Line NOTHING = new Line(null, null, 0, 0, 0, 0, 0, 0, null, 0);

    /** The report of these rows, each target named by {@code nameOf}. */
    public static UsageReport of(List<RequestStore.DailyUsage> rows, Function<RequestStore.DailyUsage, String> nameOf) {
        List<Line> days = new ArrayList<>();
        Map<String, Line> perTarget = new LinkedHashMap<>();
        Line total = NOTHING;
        for (RequestStore.DailyUsage row : rows) {
            String name = nameOf.apply(row);
            Line line = Line.of(row, name);
            days.add(line);
            perTarget.merge(row.targetId(), line, (sum, more) -> sum.plus(more, null, name));
            total = total.plus(line, null, null);
        }
        days.sort(Comparator.comparing(Line::day));
        List<Line> targets = perTarget.values().stream()
                .map(line -> new Line(null, line.target(), line.requests(), line.errors(), line.inputTokens(),
                        line.outputTokens(), line.cacheReadTokens(), line.cacheWriteTokens(), line.costUsd(),
                        line.unpriced()))
                .sorted(Comparator.comparingLong(Line::requests).reversed())
                .toList();
        return new UsageReport(List.copyOf(days), targets, total);
    }
}
