package dev.ccbridge.app;

import dev.ccbridge.core.cli.CcbridgeCli;
import java.util.List;

/**
 * The app's {@code main}. A plain class (not the JavaFX Application) so a classpath launch works.
 * Arguments that name a command ({@code targets list}) run that command of the core's command
 * line. Without a display, or with {@code --headless}, it runs the core's headless server instead
 * of the window, so the same command works on a server or a CI machine.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("ccbridge: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.namesCommand(CcbridgeCli.commandNames())) {
            System.exit(CcbridgeCli.run(options.raw().toArray(String[]::new)));
            return;
        }
        if (options.runHeadless(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("java.awt.headless"))) {
            if (!options.headless()) {
                System.err.println("ccbridge: no display found, so running the headless server"
                        + " (the same as `ccbridge serve`; --headless chooses this on a desktop too).");
            }
            System.exit(CcbridgeCli.run(options.serveArguments().toArray(String[]::new)));
            return;
        }
        GtkWithoutGl.apply();
        AppPaths paths = AppPaths.resolve(options.config());
        SingleInstance.Claim claim;
        try {
            claim = SingleInstance.claim(paths.instanceSocket());
        } catch (RuntimeException e) {
            // Better two windows than none: the second gateway then reports its port as taken.
            System.err.println("ccbridge: cannot check for a running ccbridge (" + e.getMessage() + "); starting anyway");
            claim = new SingleInstance.Claim.Primary(null);
        }
        switch (claim) {
            case SingleInstance.Claim.Secondary secondary ->
                    System.out.println("ccbridge is already running: its window was brought to the front.");
            case SingleInstance.Claim.Primary primary -> CcbridgeApp.launch(options, paths, primary.instance());
        }
    }
}
