package dev.ccbridge.app;

import dev.ccbridge.core.cli.CcbridgeCli;

/**
 * The application's plain {@code main}. Until the desktop window lands, ccbridge runs as the
 * headless gateway: {@code serve} unless another command is given.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        boolean serveOptions = args.length == 0 || args[0].equals("--port") || args[0].equals("--config")
                || args[0].equals("--quiet");
        String[] command = serveOptions ? prepend("serve", args) : args;
        System.exit(CcbridgeCli.run(command));
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
