package dev.ccbridge.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ccbridge.fake.FakeProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Claude Code CLI, run in print mode against a gateway. Its path comes from the system
 * property {@code ccbridge.claude} (scripts/test-all.sh installs it from npm). Where it is missing,
 * tests are skipped — except under CI or {@code -Dccbridge.claude.required=true}, where that fails.
 */
public final class ClaudeCode {
    private ClaudeCode() {}

    public record Result(int exit, String output) {}

    /** For a failure message: Claude Code's exit and output, the gateway's log, each provider's refusals. */
    public static String story(Result result, GatewayHarness gateway, FakeProvider... providers) {
        var out = new StringBuilder("claude exit ").append(result.exit()).append(": ").append(result.output());
        gateway.log.snapshot().forEach(record -> out.append("\n  gateway ")
                .append(record.ending()
                        .map(c -> c.status() + " " + (c.failure() == null ? "" : c.failure().message()))
                        .orElse("in flight"))
                .append(' ').append(record.routing().requestedModel()).append(" -> ")
                .append(record.routing().upstreamModel()));
        for (FakeProvider provider : providers) {
            out.append("\n  ").append(provider.profile().name()).append(" got ").append(provider.received().size())
                    .append(" requests");
            provider.refusals().forEach(refusal -> out.append("\n  ").append(provider.profile().name())
                    .append(" refused request ").append(refusal.request()).append(" with ").append(refusal.status())
                    .append(": ").append(refusal.body()));
        }
        return out.toString();
    }

    public static Path binary() {
        String configured = System.getProperty("ccbridge.claude", "");
        Path path = configured.isBlank() ? null : Path.of(configured);
        boolean present = path != null && Files.isExecutable(path);
        boolean required = Boolean.getBoolean("ccbridge.claude.required") || System.getenv("CI") != null;
        if (!present && required) {
            throw new AssertionError("the Claude Code CLI is required here but ccbridge.claude='" + configured
                    + "' is not executable; scripts/test-all.sh installs it");
        }
        assumeTrue(present, "Claude Code CLI not installed (run scripts/test-all.sh, or set -Dccbridge.claude)");
        return path;
    }

    /** Runs {@code claude -p prompt} in a scratch home and directory, pointed at {@code baseUrl}. */
    public static Result print(String baseUrl, String token, Path scratch, String prompt, String... extraArgs)
            throws IOException, InterruptedException {
        return print(baseUrl, token, scratch, Map.of(), prompt, extraArgs);
    }

    /** The same, with more environment variables for Claude Code (its timeouts, say). */
    public static Result print(String baseUrl, String token, Path scratch, Map<String, String> moreEnv, String prompt,
                               String... extraArgs) throws IOException, InterruptedException {
        Path home = Files.createDirectories(scratch.resolve("home"));
        Path work = Files.createDirectories(scratch.resolve("work"));
        List<String> command = new ArrayList<>(List.of(binary().toString(), "-p", prompt));
        command.addAll(List.of(extraArgs));
        var builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("ANTHROPIC_") || name.startsWith("CLAUDE_"));
        env.put("HOME", home.toString());
        env.put("ANTHROPIC_BASE_URL", baseUrl);
        env.put("ANTHROPIC_AUTH_TOKEN", token);
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        // A broken answer should fail the test quickly, not after ten backed-off retries.
        env.put("CLAUDE_CODE_MAX_RETRIES", "1");
        env.putAll(moreEnv);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("claude did not finish within 2 minutes");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }
}
