package dev.ccbridge.app.tray;

import dev.ccbridge.core.env.Shell;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The app's side of the tray in tests: each action the tray asks for, in order ("open", "copy fish", ...). */
public final class RecordingActions implements TrayController.Actions {
    public final List<String> done = new CopyOnWriteArrayList<>();

    @Override
    public void openWindow() {
        done.add("open");
    }

    @Override
    public void openLog() {
        done.add("log");
    }

    @Override
    public void copyEnv(Shell shell) {
        done.add("copy " + shell.label());
    }

    @Override
    public void quit() {
        done.add("quit");
    }
}
