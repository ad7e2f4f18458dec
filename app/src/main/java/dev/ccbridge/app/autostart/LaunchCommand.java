package dev.ccbridge.app.autostart;

import dev.ccbridge.app.AppPaths;
import dev.ccbridge.app.Launcher;
import dev.ccbridge.core.target.ConfigPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command that starts this ccbridge again, for the desktop to run at login: the installed
 * launcher (jpackage tells it by {@code jpackage.app-path}), or from a build this JVM with its class
 * path. A configuration chosen with {@code --config} or {@code CCBRIDGE_HOME} is passed on as
 * {@code --config}, since the login session has neither.
 */
public record LaunchCommand(List<String> arguments) {
    public LaunchCommand {
        arguments = List.copyOf(arguments);
    }

    public static LaunchCommand of(AppPaths paths) {
        return of(paths, System.getenv(), System.getProperty("jpackage.app-path"),
                Path.of(System.getProperty("java.home")), System.getProperty("java.class.path"));
    }

    static LaunchCommand of(AppPaths paths, Map<String, String> env, String installedLauncher, Path javaHome,
                            String classPath) {
        List<String> arguments = new ArrayList<>();
        if (installedLauncher != null && !installedLauncher.isBlank()) {
            arguments.add(installedLauncher);
        } else {
            arguments.addAll(List.of(javaHome.resolve("bin").resolve("java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-classpath", classPath, Launcher.class.getName()));
        }
        String home = env.get(ConfigPaths.HOME_VARIABLE);
        boolean chosen = home != null && !home.isBlank() || !paths.configFile().equals(ConfigPaths.configFile());
        if (chosen) {
            arguments.addAll(List.of("--config", paths.configFile().toString()));
        }
        return new LaunchCommand(arguments);
    }
}
