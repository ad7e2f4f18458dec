package dev.ccbridge.app.log;

import dev.ccbridge.app.services.Blocking;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where an export is written. */
public interface ExportFiles {
    @Blocking
    Writer create(Path file) throws IOException;

    /** UTF-8 text files on disk, replacing one that exists. */
    static ExportFiles onDisk() {
        return file -> Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
