package dev.ccbridge.bench.record;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.server.GatewayServer;
import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Records what Claude Code really sends: runs the real CLI ({@code claude -p}) in a scratch copy
 * of this repository, through an in-process ccbridge whose target is {@link ScriptedProvider},
 * so a real agent session builds up turn by turn, and keeps every request body ccbridge receives
 * (taken from its request log, byte for byte). {@link BodyPicker} then chooses the bodies the
 * benchmarks send and copies them to {@code --out}, and the two the start-up warm-up sends to
 * {@code --warm-up-out}.
 *
 * <p>{@code RecordSession --claude PATH --repo DIR --work DIR --out DIR --warm-up-out DIR [--read-kb N]}: started by
 * {@code scripts/bench/record.sh}.
 */
public final class RecordSession {
    private static final String TOKEN = "ccb_recordSessionToken000000000000000000000";
    private static final String PROMPT = "The README's performance claims look stale. Look through the gateway's "
            + "request path and fix what is out of date.";

    private RecordSession() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path claude = Path.of(options.get("claude"));
        Path repo = Path.of(options.get("repo")).toAbsolutePath();
        Path work = Path.of(options.get("work")).toAbsolutePath();
        Path out = Path.of(options.get("out")).toAbsolutePath();
        Path warmUp = Path.of(options.get("warm-up-out")).toAbsolutePath();
        long readBytes = Long.parseLong(options.getOrDefault("read-kb", "450")) * 1024;

        Path project = work.resolve("project");
        copyProject(repo, project);
        Path raw = Files.createDirectories(work.resolve("raw"));
        var script = AgentScript.over(project, readBytes);
        System.out.println("script: " + script.size() + " turns");

        try (var provider = new ScriptedProvider(script)) {
            var log = new RequestLog();
            List<String> captured = new ArrayList<>();
            log.addListener(record -> capture(record, raw, captured));
            var target = Target.builder().id("scripted").name("Scripted agent").provider("fake")
                    .baseUrl(provider.baseUrl()).model("gpt-4.1").apiMode(ApiMode.CHAT_COMPLETIONS).build();
            var config = new GatewayConfig(GatewayConfig.SCHEMA_VERSION, 0, TOKEN, "scripted", List.of(target), Map.of());
            var registry = new TargetRegistry(config, new ConfigStore(work.resolve("ccbridge/config.json")));
            var server = new GatewayServer(GatewayContext.standard(registry, new InMemorySecretStore(), log),
                    ServerSettings.onPort(0));
            server.start();
            try {
                int exit = runClaude(claude, server.baseUrl(), work, project);
                System.out.println("claude exited with " + exit + "; " + captured.size() + " requests captured:");
                captured.forEach(line -> System.out.println("  " + line));
                if (exit != 0) {
                    System.exit(1);
                }
            } finally {
                server.close();
            }
        }
        System.out.println("chosen for the benchmarks (" + out + "):");
        BodyPicker.pick(raw, out, warmUp).forEach(line -> System.out.println("  " + line));
        System.exit(0); // the gateway's upstream client keeps non-daemon threads
    }

    private static synchronized void capture(RequestRecord record, Path raw, List<String> captured) {
        if (record.inFlight() || record.requestBody() == null) {
            return;
        }
        var ended = record.ending().orElseThrow();
        String name = String.format("%03d-%s.json", captured.size() + 1, ended.status());
        try {
            Files.write(raw.resolve(name), record.requestBody());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        captured.add(name + "  " + record.requestBody().length + " bytes  " + record.routing().requestedModel()
                + (record.stream() ? "  stream" : "  json") + (ended.failure() == null ? "" : "  " + ended.failure().message()));
    }

    /** Runs {@code claude -p} with a scratch home (no user settings, no login) in the project. */
    private static int runClaude(Path claude, String baseUrl, Path work, Path project)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(work.resolve("home"));
        var command = List.of(claude.toString(), "-p", PROMPT, "--model", "sonnet",
                "--allowedTools", "Bash Read Glob Grep Edit ToolSearch WebSearch", "--max-turns", "60");
        var builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("claude.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("ANTHROPIC_") || name.startsWith("CLAUDE_"));
        env.put("HOME", home.toString());
        env.put("ANTHROPIC_BASE_URL", baseUrl);
        env.put("ANTHROPIC_AUTH_TOKEN", TOKEN);
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("claude did not finish within 10 minutes; see " + work.resolve("claude.log"));
        }
        System.out.println(Files.readString(work.resolve("claude.log"), StandardCharsets.UTF_8).strip());
        return process.exitValue();
    }

    /**
     * The project the session works in: this repository's gateway sources, README, docs and two
     * of its pictures, committed to a fresh git repository (Claude Code shows git status).
     */
    private static void copyProject(Path repo, Path project) throws IOException, InterruptedException {
        copyTree(repo.resolve("proxy-core/src/main/java"), project.resolve("src/main/java"));
        try (Stream<Path> docs = Files.list(repo.resolve("docs"))) {
            for (Path doc : docs.filter(f -> f.toString().endsWith(".md")).toList()) {
                copy(doc, project.resolve("docs").resolve(doc.getFileName()));
            }
        }
        copy(repo.resolve("README.md"), project.resolve("README.md"));
        copy(repo.resolve("docs/screenshots/main-window.png"), project.resolve("docs/screenshots/main-window.png"));
        copy(repo.resolve("icons/png/ccbridge-256.png"), project.resolve("icons/png/ccbridge-256.png"));
        git(project, "init", "-q", "-b", "main");
        git(project, "add", ".");
        git(project, "commit", "-q", "-m", "Gateway sources");
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=ccbridge bench",
                "-c", "user.email=bench@ccbridge.invalid", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(dir.toFile()).inheritIO();
        builder.environment().put("GIT_AUTHOR_DATE", "2026-01-01T12:00:00Z");
        builder.environment().put("GIT_COMMITTER_DATE", "2026-01-01T12:00:00Z");
        if (builder.start().waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed in " + dir);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, String> options(String[] args) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            map.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String required : List.of("claude", "repo", "work", "out", "warm-up-out")) {
            if (!map.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        return map;
    }
}
