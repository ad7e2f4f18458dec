import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Chooses the ahead-of-time cache option for a JVM started from a build ({@code ./mvnw -Prun}):
 * a cache is only good for the exact jars and JVM options it was trained with, so its name
 * carries a fingerprint of them (each file's path, size and time). If that cache exists, the JVM
 * uses it ({@code -XX:AOTCache}); otherwise this run trains it ({@code -XX:AOTCacheOutput}: the
 * JVM writes it when the app quits) and older caches in the folder are deleted.
 *
 * <pre>
 * java packaging/AotOptions.java ARGFILE CACHE_DIR FILE_OR_PATH...
 * </pre>
 *
 * Writes the option into ARGFILE, for the java launcher's {@code @ARGFILE}. Each FILE_OR_PATH is a
 * file, a folder (its files) or a class path ({@code a.jar:b.jar}).
 */
public final class AotOptions {
    private AotOptions() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("java packaging/AotOptions.java ARGFILE CACHE_DIR FILE_OR_PATH...");
            System.exit(2);
        }
        Path argfile = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        Path cache = dir.resolve("ccbridge-" + fingerprint(List.of(args).subList(2, args.length)) + ".aot");
        String option;
        if (Files.isRegularFile(cache)) {
            option = "-XX:AOTCache=" + cache;
        } else {
            try (Stream<Path> old = Files.list(dir)) {
                for (Path file : old.filter(f -> f.getFileName().toString().endsWith(".aot")).toList()) {
                    Files.delete(file);
                }
            }
            System.out.println("[aot] this run trains the start-up cache " + cache.getFileName()
                    + ": it is written when ccbridge quits, and later starts use it");
            // The training's notes on classes it leaves out are not for the user's console.
            option = "-XX:AOTCacheOutput=" + cache + "\n-Xlog:aot=error";
        }
        Files.writeString(argfile, option + "\n");
    }

    /** The first 16 hex digits of a SHA-256 over every file's path, size and modification time. */
    private static String fingerprint(List<String> paths) throws Exception {
        var digest = MessageDigest.getInstance("SHA-256");
        for (Path file : files(paths)) {
            String line = file.toAbsolutePath() + "\t" + Files.size(file) + "\t" + Files.getLastModifiedTime(file).toMillis()
                    + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static List<Path> files(List<String> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String entry : paths) {
            for (String part : entry.split(java.io.File.pathSeparator)) {
                Path path = Path.of(part);
                if (Files.isDirectory(path)) {
                    try (Stream<Path> inside = Files.list(path)) {
                        inside.filter(Files::isRegularFile).sorted().forEach(files::add);
                    }
                } else if (Files.isRegularFile(path)) {
                    files.add(path);
                }
            }
        }
        return files;
    }
}
