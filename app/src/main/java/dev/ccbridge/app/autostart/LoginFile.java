package dev.ccbridge.app.autostart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A login entry that is one file the desktop reads at login: there means on, gone means off. */
public sealed interface LoginFile extends StartAtLogin permits XdgAutostart, MacLaunchAgent {
    Path file();

    @Override
    default boolean enabled() {
        return Files.isRegularFile(file());
    }

    @Override
    default void disable() throws IOException {
        Files.deleteIfExists(file());
    }

    @Override
    default String location() {
        return file().toString();
    }

    /** Written beside and moved into place: a login never finds half an entry. */
    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path scratch = Files.createTempFile(file.getParent(), ".ccbridge", ".tmp");
        try {
            Files.writeString(scratch, content);
            Files.move(scratch, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }
}
