import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Builds the ccbridge installer for the platform it runs on (a .deb on Linux, an .msi on
 * Windows, a .dmg on macOS) with the JDK's own tools, run in this JVM:
 *
 * <ol>
 *   <li>jdeps finds the JDK modules the app's jars use; {@code packaging/modules.txt} adds the
 *       ones only reached by reflection or service loading;</li>
 *   <li>jlink builds a runtime of just those modules plus JavaFX (from its Maven jars), with the
 *       JavaFX native libraries where the runtime's own live;</li>
 *   <li>jpackage builds the app image: the {@code ccbridge} launcher (the tray app; {@code
 *       --headless} serves without a display) and {@code ccbridge-cli} (the command line), with
 *       the JVM options of {@code packaging/jvm.options};</li>
 *   <li>on Linux, one training run of the app image (on a private Xvfb display with a tray
 *       where there is one, {@link AotTraining}: started as a user starts it, until its start-up
 *       warm-up has sent a few hundred recorded requests through its gateway) writes an
 *       ahead-of-time cache shipped in the image (JDK 25: the classes loaded and linked, the
 *       method profiles), so every start maps them instead of loading them (on Windows and macOS
 *       the JVM writes a class-data-sharing archive on the user's machine at the first exit);</li>
 *   <li>jpackage wraps the image into the installer with {@code packaging/<os>/jpackage.args};
 *       the .deb's jars then get back their training-time file times, which the cache checks.</li>
 * </ol>
 *
 * Run by {@code ./mvnw -Ppackage-installer} (app/pom.xml passes the jars and the pom's values)
 * from the repository root with JDK 25: {@code java packaging/BuildInstaller.java --help}.
 */
public final class BuildInstaller {
    private static final String NAME = "ccbridge";
    private static final String CLI = "ccbridge-cli";
    private static final String MAIN_CLASS = "dev.ccbridge.app.Launcher";
    /** The ahead-of-time cache shipped with the Linux app image (trained at build time). */
    private static final String AOT_CACHE = "ccbridge.aot";
    /** The class-data-sharing archive the JVM writes on Windows and macOS at the first exit. */
    private static final String ARCHIVE = "ccbridge.jsa";

    private final Map<String, String> options;
    private final Os os = Os.current();
    private final Path work;

    private BuildInstaller(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(option("work")).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        if (options.containsKey("help")) {
            System.out.println("""
                    java packaging/BuildInstaller.java --app-jar JAR --libs DIR --javafx DIR --version V \\
                        --vendor NAME --app-id ID --description TEXT [--type auto|deb|msi|dmg|app-image] \\
                        [--dest DIR] [--work DIR] [--cds true|false] [--verbose true]
                    Run from the repository root (paths to packaging/ and icons/ are relative to it).""");
            return;
        }
        new BuildInstaller(options).build();
    }

    private void build() throws Exception {
        String type = option("type").equals("auto") ? os.installerType : option("type");
        deleteTree(work);
        Files.createDirectories(work);
        Path input = prepareInput();
        List<Path> javafx = javafxModules();
        List<String> modules = modules(input, javafx);
        Path runtime = runtime(modules, javafx);
        Path image = appImage(input, runtime);
        boolean cds = Boolean.parseBoolean(option("cds"));
        if (!cds) {
            log("ahead-of-time cache: skipped (--cds false)");
        } else if (os == Os.LINUX) {
            train(image);
        } else {
            log("class-data-sharing archive: written on the user's machine at the first exit (see jvm.options)");
        }
        removeCommands(image.resolve(os.runtimeDir));
        if (type.equals("app-image")) {
            log("app image: " + image);
            return;
        }
        Path dest = Path.of(option("dest")).toAbsolutePath();
        Files.createDirectories(dest);
        List<String> args = new ArrayList<>(List.of("--type", type, "--app-image", image.toString(),
                "--dest", dest.toString()));
        args.addAll(identity());
        args.addAll(List.of("--resource-dir", resources().toString()));
        args.addAll(argsFile(Path.of("packaging", os.folder, "jpackage.args")));
        boolean repack = os == Os.LINUX && cds && type.equals("deb");
        if (repack) {
            // Packed again below: jpackage's own package need not be compressed (dpkg-deb reads this).
            runJpackageProcess(args, Map.of("DPKG_DEB_COMPRESSOR_TYPE", "none"));
        } else {
            run("jpackage", args);
        }
        try (Stream<Path> built = Files.list(dest)) {
            for (Path installer : built.filter(path -> path.getFileName().toString().endsWith("." + type)).toList()) {
                if (repack) {
                    restoreJarTimes(installer, image);
                }
                log("installer: " + installer + " (" + size(installer) + ")");
            }
        }
    }

    /**
     * The installer's resources: {@code packaging/<os>/} (control file, scripts, desktop entries)
     * and the app icon under the name jpackage looks for (it ignores --icon with --app-image).
     */
    private Path resources() throws IOException {
        Path resources = work.resolve("resources");
        Files.createDirectories(resources);
        try (Stream<Path> files = Files.list(Path.of("packaging", os.folder))) {
            for (Path file : files.filter(file -> !file.getFileName().toString().endsWith(".args")).toList()) {
                Files.copy(file, resources.resolve(file.getFileName()));
            }
        }
        String iconFile = Path.of(os.icon).getFileName().toString();
        String extension = iconFile.substring(iconFile.lastIndexOf('.'));
        for (String launcher : List.of(NAME, CLI)) {
            Files.copy(Path.of(os.icon), resources.resolve(launcher + extension));
        }
        return resources;
    }

    /**
     * The archive knows each jar by its size and modification time, and jpackage's copy of the
     * app image into the package gives the jars new times: the JVM would refuse the archive
     * ("timestamp has changed"). So the package is unpacked, its jars get back the times they
     * had at the training start, and it is packed again (dpkg keeps these times on install).
     */
    private void restoreJarTimes(Path deb, Path image) throws IOException, InterruptedException {
        Path tree = work.resolve("deb-tree");
        deleteTree(tree);
        exec(List.of("dpkg-deb", "--raw-extract", deb.toString(), tree.toString()));
        Path trained = image.resolve(os.appDir);
        Path packaged = tree.resolve("opt").resolve(NAME).resolve(os.appDir);
        try (Stream<Path> jars = Files.list(trained)) {
            for (Path jar : jars.filter(BuildInstaller::isJar).toList()) {
                Files.setLastModifiedTime(packaged.resolve(jar.getFileName()), Files.getLastModifiedTime(jar));
            }
        }
        exec(List.of("dpkg-deb", "--root-owner-group", "-Zxz", "--build", tree.toString(), deb.toString()));
        deleteTree(tree);
    }

    /** The app's jars, in the folder jpackage copies to the app's class path. */
    private Path prepareInput() throws IOException {
        Path input = work.resolve("input");
        Files.createDirectories(input);
        Path appJar = Path.of(option("app-jar"));
        Files.copy(appJar, input.resolve(appJar.getFileName()));
        try (Stream<Path> libs = Files.list(Path.of(option("libs")))) {
            for (Path jar : libs.filter(BuildInstaller::isJar).toList()) {
                Files.copy(jar, input.resolve(jar.getFileName()));
            }
        }
        return input;
    }

    /** JavaFX's platform jars (the ones with a module-info; the plain-named ones are empty shells). */
    private List<Path> javafxModules() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of(option("javafx")))) {
            return jars.filter(BuildInstaller::isJar).filter(jar -> hasEntry(jar, "module-info.class")).sorted().toList();
        }
    }

    private List<String> modules(Path input, List<Path> javafx) throws IOException {
        List<String> args = new ArrayList<>(List.of("--multi-release", "25", "--ignore-missing-deps",
                "--print-module-deps", "--module-path", joinPaths(javafx)));
        try (Stream<Path> jars = Files.list(input)) {
            jars.filter(BuildInstaller::isJar).sorted().forEach(jar -> args.add(jar.toString()));
        }
        String out = run("jdeps", args);
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        var modules = new TreeSet<>(Arrays.asList(last.split(",")));
        modules.addAll(listFile(Path.of("packaging/modules.txt")));
        modules.removeIf(String::isBlank);
        log("runtime modules: " + String.join(",", modules));
        return List.copyOf(modules);
    }

    private Path runtime(List<String> modules, List<Path> javafx) throws IOException, InterruptedException {
        Path runtime = work.resolve("runtime");
        run("jlink", List.of("--module-path", joinPaths(javafx), "--add-modules", String.join(",", modules),
                "--output", runtime.toString(), "--strip-debug", "--no-man-pages", "--no-header-files",
                // The native libraries go beside the runtime's own (below): not twice.
                "--exclude-resources=glob:/javafx.graphics/*.so,glob:/javafx.graphics/*.dll,glob:/javafx.graphics/*.dylib"));
        // The base archive (the JDK's own classes and module graph), written with the module
        // options the launchers pass: an archive dumped without them is refused with an error
        // line at every start. The app's archive (Training) builds on this one.
        var dump = new ArrayList<>(List.of(runtime.resolve("bin").resolve(os == Os.WINDOWS ? "java.exe" : "java").toString(),
                "-Xshare:dump"));
        dump.addAll(moduleOptions(listFile(Path.of("packaging/jvm.options"))));
        exec(dump);
        // Where the runtime's own libraries are, System.loadLibrary finds JavaFX's: no copy to a
        // cache in the user's home at first start, and jpackage sees what they link to.
        Path nativeDir = runtime.resolve(os == Os.WINDOWS ? "bin" : "lib");
        for (Path jar : javafx) {
            try (var zip = new ZipFile(jar.toFile())) {
                for (var entry : zip.stream().toList()) {
                    String name = entry.getName();
                    if (!name.contains("/") && (name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib"))) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, nativeDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        }
        return runtime;
    }

    private Path appImage(Path input, Path runtime) throws IOException {
        Path images = work.resolve("image");
        String appJar = Path.of(option("app-jar")).getFileName().toString();
        List<String> javaOptions = listFile(Path.of("packaging/jvm.options"));
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--dest", images.toString(),
                "--input", input.toString(), "--main-jar", appJar, "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(), "--icon", os.icon,
                "--add-launcher", CLI + "=" + cliLauncher(javaOptions)));
        args.addAll(identity());
        javaOptions.forEach(option -> args.addAll(List.of("--java-options", option)));
        if (Boolean.parseBoolean(option("cds")) && os.userArchive != null) {
            // Where the installer's handling of file times is untested (see restoreJarTimes), the
            // JVM writes the archive itself at the app's first exit, in the user's ccbridge folder
            // (the app has made it by then), and rewrites it whenever it no longer matches.
            args.addAll(List.of("--java-options", "-XX:SharedArchiveFile=" + os.userArchive,
                    "--java-options", "-XX:+AutoCreateSharedArchive"));
        }
        if (os == Os.MAC) {
            args.addAll(List.of("--mac-package-identifier", option("app-id"), "--mac-package-name", NAME));
        }
        Path imageArgs = Path.of("packaging", os.folder, "app-image.args");
        if (Files.exists(imageArgs)) {
            args.addAll(argsFile(imageArgs));
        }
        run("jpackage", args);
        return images.resolve(os == Os.MAC ? NAME + ".app" : NAME);
    }

    /** The command-line launcher: the core's CLI, headless, with the same JVM options. */
    private String cliLauncher(List<String> javaOptions) throws IOException {
        var lines = new ArrayList<>(Files.readAllLines(Path.of("packaging/ccbridge-cli.properties")));
        var all = new ArrayList<>(javaOptions);
        all.add("-Djava.awt.headless=true");
        lines.add("java-options=" + String.join(" ", all));
        Path file = work.resolve(CLI + ".properties");
        Files.write(file, lines);
        return file.toString();
    }

    /** The options that shape the module graph, which an archive must have been dumped with. */
    private static List<String> moduleOptions(List<String> javaOptions) {
        return javaOptions.stream().filter(option -> option.startsWith("--enable-native-access")
                || option.startsWith("--add-opens") || option.startsWith("--add-exports")
                || option.startsWith("--add-modules") || option.startsWith("--add-reads")).toList();
    }

    private List<String> identity() {
        return List.of("--name", NAME, "--app-version", installerVersion(option("version")),
                "--vendor", option("vendor"), "--description", option("description"),
                "--copyright", "Copyright " + java.time.Year.now().getValue() + " " + option("vendor"));
    }

    /** Installers take numbers only (MSI: three at most): 0.1.0-SNAPSHOT is 0.1.0. */
    static String installerVersion(String pomVersion) {
        String numbers = pomVersion.replaceFirst("[^0-9.].*$", "").replaceAll("\\.+$", "");
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("no version number in '" + pomVersion + "'");
        }
        return numbers;
    }

    /**
     * The training run of the app image ({@link AotTraining}): the tray app started on a private
     * display, with a scratch configuration, until its warm-up is done; both launchers then map
     * the cache it wrote.
     */
    private void train(Path image) throws Exception {
        Path appDir = image.resolve(os.appDir);
        Path cache = appDir.resolve(AOT_CACHE);
        new AotTraining(cache, work.resolve("training-home"), true,
                List.of(image.resolve(os.launcher).toString(), "--port", "{port}")).run();
        for (String launcher : List.of(NAME, CLI)) {
            Path cfg = appDir.resolve(launcher + ".cfg");
            Files.writeString(cfg, Files.readString(cfg).stripTrailing()
                    + "\njava-options=-XX:AOTCache=$APPDIR/" + AOT_CACHE + "\n");
        }
        log("ahead-of-time cache: " + cache + " (" + size(cache) + ")");
    }

    /**
     * The runtime's commands ({@code java} and the rest) were needed for the base archive's dump
     * and the training run (which assembles the cache in a child {@code java}); the launchers
     * start the JVM themselves.
     */
    private void removeCommands(Path runtime) throws IOException {
        try (Stream<Path> commands = Files.list(runtime.resolve("bin"))) {
            for (Path command : commands.filter(path -> os != Os.WINDOWS || path.toString().endsWith(".exe")).toList()) {
                Files.delete(command);
            }
        }
    }

    /** Runs one of the JDK's tools in this JVM; its output is returned and shown with --verbose. */
    private String run(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " is missing: run this with a full JDK 25"));
        var args2 = new ArrayList<>(args);
        if (tool.equals("jpackage") && Boolean.parseBoolean(options.getOrDefault("verbose", "false"))) {
            args2.add("--verbose");
        }
        String shown = String.join(" ", args2);
        log(tool + " " + (shown.length() > 600 ? shown.substring(0, 600) + " \u2026" : shown));
        var out = new StringWriter();
        int status = provider.run(new PrintWriter(out, true), new PrintWriter(out, true), args2.toArray(String[]::new));
        if (status != 0 || Boolean.parseBoolean(options.getOrDefault("verbose", "false"))) {
            System.out.println(out);
        }
        if (status != 0) {
            throw new IllegalStateException(tool + " failed (exit " + status + ")");
        }
        return out.toString();
    }

    /** jpackage as a process of its own, for the environment it passes on to the packaging tools. */
    private void runJpackageProcess(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jpackage").toString()));
        command.addAll(args);
        log("jpackage " + String.join(" ", args) + " (with " + env + ")");
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jpackage failed:\n" + out);
        }
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    /** A jpackage options file: '#' comment lines, options split at blanks, "double quotes" group. */
    static List<String> argsFile(Path file) throws IOException {
        List<String> args = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            var matcher = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
            while (matcher.find()) {
                args.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            }
        }
        return args;
    }

    /** Lines of a list file, without comments and blank lines. */
    private static List<String> listFile(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.replaceFirst("(^|\\s)#.*$", "").strip())
                .filter(line -> !line.isEmpty()).toList();
    }

    private static boolean isJar(Path path) {
        return path.getFileName().toString().endsWith(".jar");
    }

    private static boolean hasEntry(Path jar, String entry) {
        try (var zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(entry) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String joinPaths(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static String size(Path file) {
        try {
            return String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1e6);
        } catch (IOException e) {
            return "?";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private String option(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required (see --help)");
        }
        return value;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("type", "auto", "dest", "app/target/installer",
                "work", "app/target/installer-work", "cds", "true"));
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "' (see --help)");
            }
            String name = args[i].substring(2);
            options.put(name, name.equals("help") ? "true" : args[++i]);
        }
        return options;
    }

    private static void log(String message) {
        System.out.println("[installer] " + message);
    }

    /** What differs per platform: the installer type, the icon, where jpackage puts things. */
    private enum Os {
        LINUX("deb", "linux", "icons/png/ccbridge-256.png", "bin/" + NAME, "lib/app", "lib/runtime", null),
        WINDOWS("msi", "windows", "icons/ccbridge.ico", NAME + ".exe", "app", "runtime",
                "$LOCALAPPDATA\\ccbridge\\" + ARCHIVE),
        MAC("dmg", "macos", "icons/ccbridge.icns", "Contents/MacOS/" + NAME, "Contents/app", "Contents/runtime",
                "$HOME/Library/Application Support/ccbridge/" + ARCHIVE);

        final String installerType;
        final String folder;
        final String icon;
        final String launcher;
        final String appDir;
        /** Where jpackage puts the runtime in the app image. */
        final String runtimeDir;
        /** Where the JVM writes the archive on the user's machine; null: the AOT cache ships in the package. */
        final String userArchive;

        Os(String installerType, String folder, String icon, String launcher, String appDir, String runtimeDir,
           String userArchive) {
            this.installerType = installerType;
            this.folder = folder;
            this.icon = icon;
            this.launcher = launcher;
            this.appDir = appDir;
            this.runtimeDir = runtimeDir;
            this.userArchive = userArchive;
        }

        static Os current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return name.contains("win") ? WINDOWS : name.contains("mac") ? MAC : LINUX;
        }
    }
}
