package dev.ccbridge.core.target;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies changes other processes make to the config file (e.g. {@code ccbridge targets activate}
 * while {@code serve} or the app runs), so switching targets needs no restart. A file caught
 * half-written is skipped; the next change event brings the finished one.
 */
public final class ConfigWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

    private final WatchService watcher;
    private final Thread thread;

    private ConfigWatcher(WatchService watcher, Thread thread) {
        this.watcher = watcher;
        this.thread = thread;
    }

    public static ConfigWatcher start(ConfigStore store, TargetRegistry registry) throws IOException {
        Path file = store.file().toAbsolutePath();
        WatchService watcher = FileSystems.getDefault().newWatchService();
        file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        Thread thread = Thread.ofPlatform().daemon().name("ccbridge-config-watch").start(() -> {
            try {
                while (true) {
                    WatchKey key = watcher.take();
                    boolean ours = key.pollEvents().stream()
                            .anyMatch(event -> file.getFileName().equals(event.context()));
                    key.reset();
                    if (ours && registry.reloadFrom(store)) {
                        LOG.info("config reloaded from {}", file);
                    }
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // closed: stop watching
            }
        });
        return new ConfigWatcher(watcher, thread);
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException ignored) {
            // already closed
        }
        thread.interrupt();
    }
}
