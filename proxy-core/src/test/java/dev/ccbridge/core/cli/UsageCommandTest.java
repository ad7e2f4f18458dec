package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.CcbridgeProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ccbridge usage}, run as the real launcher over a history with two targets on two days, one priced. */
class UsageCommandTest {
    @TempDir
    Path dir;

    private CcbridgeProcess ccbridge;

    @BeforeEach
    void setUp() {
        ccbridge = new CcbridgeProcess(dir).env("TZ", "UTC");
    }

    /** An answered request as the JSONL schema writes it; {@code cost} null: no price was known. */
    private static String answered(String id, Instant at, String target, int status, long in, long out,
                                   long cacheRead, Double cost) {
        return """
                {"id":"%s","startedAt":"%s","target":"%s","targetName":"%s","apiMode":"chat_completions",\
                "route":"active","requestedModel":"claude-sonnet-4-6","upstreamModel":"m","stream":true,\
                "status":%d,"durationMillis":900,"usage":{"input_tokens":%d,"output_tokens":%d,\
                "cache_creation_input_tokens":0,"cache_read_input_tokens":%d}%s}
                """.formatted(id, at, target, target.toUpperCase(), status, in, out, cacheRead,
                cost == null ? "" : ",\"costUsd\":" + cost);
    }

    @Test
    void requestsErrorsTokensAndCostPerTargetAndDayThenPerTargetAndInAll() throws Exception {
        Instant today = Instant.now();
        Instant yesterday = today.minus(Duration.ofDays(1));
        Files.writeString(ccbridge.workDir().resolve("history.jsonl"),
                answered("a1", yesterday, "deepseek", 200, 1000, 100, 500, 0.001)
                + answered("a2", today, "deepseek", 200, 2000, 200, 0, 0.002)
                + answered("a3", today, "deepseek", 529, 0, 0, 0, null)
                + answered("a4", today, "openai", 200, 300, 30, 0, null)
                // A refused request is no usage.
                + """
                {"id":"q1","startedAt":"%s","route":"active","stream":false,"status":401,\
                "errorType":"authentication_error","errorMessage":"wrong token",\
                "rejected":{"reason":"wrong_token","endpoint":"POST /v1/messages","count":9,"lastAt":"%s"}}
                """.formatted(today, today));
        assertThat(ccbridge.run("log", "import", "history.jsonl").exit()).isZero();

        Result usage = ccbridge.run("usage");

        assertThat(usage.exit()).as(usage.toString()).isZero();
        String day1 = LocalDate.ofInstant(yesterday, ZoneOffset.UTC).toString();
        String day2 = LocalDate.ofInstant(today, ZoneOffset.UTC).toString();
        assertThat(usage.out().lines().map(line -> line.strip().replaceAll(" +", " ")).toList()).containsExactly(
                "Usage in the last 30 days (input tokens include cache reads and writes; cost in US$, - where no "
                        + "price is known, + where some requests had none):",
                "",
                "day target requests errors input tokens output cache read cache write cost",
                day1 + " deepseek 1 0 1500 100 500 0 $0.001000",
                day2 + " deepseek 2 1 2000 200 0 0 $0.002000",
                day2 + " openai 1 0 300 30 0 0 -",
                "",
                "target requests errors input tokens output cache read cache write cost",
                "total deepseek 3 1 3500 300 500 0 $0.003000",
                "total openai 1 0 300 30 0 0 -",
                "total all targets 4 1 3800 330 500 0 $0.003000+");

        Result today1 = ccbridge.run("usage", "--days", "1");
        assertThat(today1.out()).startsWith("Usage today ").doesNotContain(day1)
                .containsPattern("total +all targets +3 +1 +2300 ");
    }

    @Test
    void withoutRequestsItSaysSoAndABadPeriodIsAnError() {
        Result empty = ccbridge.run("usage", "--days", "7");
        assertThat(empty.exit()).isZero();
        assertThat(empty.out()).startsWith("No requests in the last 7 days (").contains("history.db");

        Result bad = ccbridge.run("usage", "--days", "0");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("ccbridge: --days must be at least 1\n");
    }
}
