package dev.ccbridge.app.tray;

import dev.ccbridge.app.UiExecutor;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first time the window is closed into the tray, one notice says that ccbridge keeps running
 * there; a marker file in the data directory keeps it from coming again, across restarts too.
 */
public final class FirstCloseNotice {
    static final String TITLE = "ccbridge is still running";
    static final String MESSAGE = "It keeps serving from the tray. Choose Quit in the tray menu to stop it.";

    private final Path marker;
    private final Notifier notices;
    private final UiExecutor ui;

    public FirstCloseNotice(Path dataDir, Notifier notices, UiExecutor ui) {
        this.marker = dataDir.resolve("tray-notice-shown");
        this.notices = notices;
        this.ui = ui;
    }

    /** The window was just hidden into the tray. */
    public void windowClosed() {
        ui.background(this::claim, first -> {
            if (first) {
                notices.notify(TITLE, MESSAGE);
            }
        }, failure -> { });
    }

    /** True only for the first caller ever: the marker is created atomically. */
    private boolean claim() throws IOException {
        Files.createDirectories(marker.getParent());
        try {
            Files.createFile(marker);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }
}
