package dev.ccbridge.app;

import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.target.TargetRegistry;
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
 * Applies changes other programs make to the config file (the CLI switching the active target,
 * an editor), like the core's ConfigWatcher, but reads and applies while holding the registry's
 * lock (the one its changes take). Otherwise a slow read of one of our own saves could land
 * after a newer change in the window (a quick reorder) and undo it.
 */
final class ConfigFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFollower.class);

    private final WatchService watcher;
    private final Thread thread;

    private ConfigFollower(WatchService watcher, Thread thread) {
        this.watcher = watcher;
        this.thread = thread;
    }

    static ConfigFollower start(ConfigStore store, TargetRegistry registry) throws IOException {
        Path file = store.file().toAbsolutePath();
        WatchService watcher = FileSystems.getDefault().newWatchService();
        file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        Thread thread = Thread.ofPlatform().daemon().name("ccbridge-config-follow").start(() -> {
            try {
                while (true) {
                    WatchKey key = watcher.take();
                    boolean ours = key.pollEvents().stream().anyMatch(e -> file.getFileName().equals(e.context()));
                    key.reset();
                    if (ours) {
                        synchronized (registry) {
                            store.tryRead().ifPresent(config -> {
                                if (registry.reload(config)) {
                                    LOG.info("config reloaded from {}", file);
                                }
                            });
                        }
                    }
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // closed: stop following
            }
        });
        return new ConfigFollower(watcher, thread);
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
