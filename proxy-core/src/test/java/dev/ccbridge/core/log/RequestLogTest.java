package dev.ccbridge.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live log: refusals repeated by one client fold into one entry with a count. */
class RequestLogTest {
    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void aFloodOfTheSameRefusalIsOneEntryAndPushesNoRealRequestOut() {
        var log = new RequestLog(5, 5);
        List<RequestRecord> heard = new ArrayList<>();
        log.addListener(heard::add);
        for (int i = 0; i < 3; i++) {
            log.publish(answered("real" + i, T0.plusSeconds(i)));
        }
        for (int i = 0; i < 1000; i++) {
            log.publish(wrongToken("q" + i, "curl/8.5.0", T0.plusMillis(3000 + i * 10L)));
        }

        assertThat(log.snapshot()).extracting(RequestRecord::id).containsExactly("real0", "real1", "real2", "q0");
        RequestRecord.Rejected folded = log.snapshot().getLast().rejection().orElseThrow();
        assertThat(folded.count()).isEqualTo(1000);
        assertThat(folded.lastAt()).isEqualTo(T0.plusMillis(3000 + 999 * 10L));
        assertThat(heard.getLast().id()).as("listeners hear the entry as the log keeps it").isEqualTo("q0");
        assertThat(heard.getLast().rejection().orElseThrow().count()).isEqualTo(1000);
    }

    @Test
    void anotherClientOrAnotherReasonIsAnotherEntry() {
        var log = new RequestLog();
        log.publish(wrongToken("q1", "claude-cli/2.1.332", T0));
        log.publish(wrongToken("q2", "curl/8.5.0", T0.plusSeconds(1)));
        log.publish(RequestRecord.rejected("q3", T0.plusSeconds(2), unrouted(), new RequestRecord.Rejected(
                RejectionReason.FOREIGN_HOST, 403, new RequestRecord.Failure("permission_error", "not for me"),
                "curl/8.5.0", "GET /", 1, T0.plusSeconds(2))));

        assertThat(log.snapshot()).extracting(RequestRecord::id).containsExactly("q1", "q2", "q3");
    }

    @Test
    void aRefusalAfterAQuietMinuteIsANewEntry() {
        var log = new RequestLog();
        log.publish(wrongToken("q1", "curl/8.5.0", T0));
        log.publish(wrongToken("q2", "curl/8.5.0", T0.plusSeconds(50)));
        log.publish(wrongToken("q3", "curl/8.5.0", T0.plusSeconds(50).plus(RepeatedRejections.WINDOW).plusSeconds(1)));

        assertThat(log.snapshot()).extracting(RequestRecord::id).containsExactly("q1", "q3");
        assertThat(log.snapshot().getFirst().rejection().orElseThrow().count()).isEqualTo(2);
    }

    @Test
    void anAppendOnlyReportShowsAFloodAtPowersOfTwo() {
        List<Integer> shown = new ArrayList<>();
        for (int count = 1; count <= 1000; count++) {
            var rejected = new RequestRecord.Rejected(RejectionReason.WRONG_TOKEN, 401, null, null, "GET /", count, T0);
            if (rejected.reportable()) {
                shown.add(count);
            }
        }
        assertThat(shown).containsExactly(1, 2, 4, 8, 16, 32, 64, 128, 256, 512);
    }

    private static RequestRecord.Routing unrouted() {
        return RequestRecord.Routing.unrouted(RequestRecord.Addressed.ACTIVE);
    }

    static RequestRecord wrongToken(String id, String client, Instant at) {
        return RequestRecord.rejected(id, at, unrouted(), new RequestRecord.Rejected(RejectionReason.WRONG_TOKEN, 401,
                new RequestRecord.Failure("authentication_error", "wrong token"), client, "POST /v1/messages", 1, at));
    }

    private static RequestRecord answered(String id, Instant at) {
        return new RequestRecord(id, at, new RequestRecord.Routing("deepseek", "DeepSeek", "chat_completions",
                RequestRecord.Addressed.ACTIVE, "claude-sonnet-4-6", "deepseek-chat"), true,
                new RequestRecord.Completed(200, null, 10L, 20L, null), null, null, List.of());
    }
}
