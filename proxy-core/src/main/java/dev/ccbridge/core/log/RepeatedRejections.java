package dev.ccbridge.core.log;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Folds a refusal into the record of the same refusal seen shortly before (same reason, client,
 * target and route), so a client retrying with a wrong token makes one log entry with a count, not
 * a thousand. Not thread-safe: {@link RequestLog} calls it under its lock.
 */
final class RepeatedRejections {
    /** A repeat this long after the previous one starts a new entry. */
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int KINDS_KEPT = 64;

    private record Kind(RejectionReason reason, String client, String targetId, RequestRecord.Addressed addressed) {
        static Kind of(RequestRecord record, RequestRecord.Rejected rejected) {
            return new Kind(rejected.reason(), rejected.client(), record.targetId(), record.routing().addressed());
        }
    }

    private final Map<Kind, RequestRecord> latest = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Kind, RequestRecord> eldest) {
            return size() > KINDS_KEPT;
        }
    };

    /** The record to publish: {@code record} itself, or the earlier entry counted once more. */
    RequestRecord fold(RequestRecord record) {
        if (!(record.outcome() instanceof RequestRecord.Rejected rejected)) {
            return record;
        }
        Kind kind = Kind.of(record, rejected);
        RequestRecord earlier = latest.get(kind);
        RequestRecord folded = record;
        if (earlier != null && earlier.outcome() instanceof RequestRecord.Rejected before
                && !rejected.lastAt().isAfter(before.lastAt().plus(WINDOW))) {
            folded = new RequestRecord(earlier.id(), earlier.startedAt(), record.routing(), false,
                    before.again(rejected), null, null, earlier.attempts());
        }
        latest.put(kind, folded);
        return folded;
    }

    void clear() {
        latest.clear();
    }
}
