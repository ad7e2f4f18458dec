package dev.ccbridge.core.target;

import dev.ccbridge.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the config file. Writes are atomic (temp file, fsync, rename), the file is
 * readable by its owner only, and a file that cannot be read is moved aside and reported, never
 * silently replaced. A missing file starts from the embedded default configuration.
 */
public final class ConfigStore {
    private static final String DEFAULT_RESOURCE = "/dev/ccbridge/core/target/default-config.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final long STALE_TEMP_MILLIS = 10 * 60 * 1000;

    private final Path file;

    public ConfigStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The loaded configuration and anything the user should be told about it. */
    public record Loaded(GatewayConfig config, List<String> warnings, boolean created) {}

    public Loaded load() {
        removeStaleTempFiles();
        List<String> warnings = new ArrayList<>();
        if (Files.exists(file)) {
            try {
                GatewayConfig config = Json.CONFIG.readValue(file.toFile(), GatewayConfig.class);
                if (config.schemaVersion() > GatewayConfig.SCHEMA_VERSION) {
                    warnings.add("config " + file + " was written by a newer ccbridge (schema "
                            + config.schemaVersion() + "); unknown settings are kept as they are");
                }
                GatewayConfig completed = complete(config);
                if (!completed.equals(config)) {
                    save(completed);
                }
                return new Loaded(completed, warnings, false);
            } catch (IOException | RuntimeException e) {
                Path aside = moveAside();
                warnings.add("config " + file + " could not be read (" + firstLine(e.getMessage())
                        + "); it was moved to " + aside + " and the default configuration is used");
            }
        }
        GatewayConfig config = complete(embeddedDefault());
        save(config);
        return new Loaded(config, warnings, true);
    }

    /** Reads the file without side effects: empty if it is missing or unreadable right now. */
    public java.util.Optional<GatewayConfig> tryRead() {
        try {
            return java.util.Optional.of(complete(Json.CONFIG.readValue(file.toFile(), GatewayConfig.class)));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    public void save(GatewayConfig config) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".config-", ".tmp");
            try {
                ownerOnly(temp);
                byte[] bytes = Json.CONFIG.writeValueAsBytes(config);
                try (var channel = Files.newByteChannel(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    channel.write(java.nio.ByteBuffer.wrap(bytes));
                    ((java.nio.channels.FileChannel) channel).force(true);
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
                syncDirectory(file.toAbsolutePath().getParent());
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write config " + file + ": " + e.getMessage(), e);
        }
    }

    public static GatewayConfig embeddedDefault() {
        try (InputStream in = ConfigStore.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default config missing from the jar");
            }
            return Json.CONFIG.readValue(in, GatewayConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills what a hand-written or default config may lack: tokens, ids, a valid active target. */
    static GatewayConfig complete(GatewayConfig config) {
        List<Target> targets = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Target target : config.targets()) {
            Target t = target;
            if (t.id() == null || t.id().isBlank() || ids.contains(t.id())) {
                t = t.withId(TargetIds.unique(TargetIds.slug(t.displayNameOr(t.provider())), ids));
            }
            if (t.token() == null || t.token().isBlank()) {
                t = t.withToken(AccessTokens.newToken());
            }
            ids.add(t.id());
            targets.add(t);
        }
        String active = config.activeTarget();
        if (active == null || !ids.contains(active)) {
            active = ids.isEmpty() ? null : ids.getFirst();
        }
        String installToken = config.installToken() == null || config.installToken().isBlank()
                ? AccessTokens.newToken() : config.installToken();
        return config.withInstallToken(installToken).withTargets(targets, active);
    }

    private Path moveAside() {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + LocalDateTime.now().format(STAMP));
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move unreadable config " + file + " aside: " + e.getMessage(), e);
        }
        return aside;
    }

    /** Makes the rename itself durable (where the platform can sync a directory). */
    private static void syncDirectory(Path dir) {
        try (var channel = java.nio.channels.FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory this way; its rename is durable enough for a settings file.
        }
    }

    /**
     * Deletes temp files a save left behind when its process was killed mid-write. Only old ones:
     * a young one may belong to a save running right now in another process.
     */
    void removeStaleTempFiles() {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        long cutoff = System.currentTimeMillis() - STALE_TEMP_MILLIS;
        try (var temps = Files.newDirectoryStream(dir, ".config-*.tmp")) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toMillis() < cutoff) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            // leftovers are harmless; the next start tries again
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
