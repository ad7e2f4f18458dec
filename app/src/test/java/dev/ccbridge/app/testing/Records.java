package dev.ccbridge.app.testing;

import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.protocol.anthropic.Usage;
import java.time.Instant;
import java.util.List;

/** Finished requests for the log and usage views: what the gateway records, without bodies. */
public final class Records {
    private Records() {}

    /** A streamed Chat request to the active target, answered with {@code status}. */
    public static RequestRecord finished(String id, Instant at, String targetId, String targetName, String upstream,
                                         int status, RequestRecord.Failure failure, Long firstTokenMillis,
                                         long durationMillis, Usage usage) {
        var routing = new RequestRecord.Routing(targetId, targetName, "chat_completions",
                RequestRecord.Addressed.ACTIVE, "claude-sonnet-4-5", upstream);
        return new RequestRecord(id, at, routing, true,
                new RequestRecord.Completed(status, failure, firstTokenMillis, durationMillis, usage), null, null,
                List.of());
    }
}
