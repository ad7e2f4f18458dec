package dev.ccbridge.core.log;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold prompts and answers (the history, request logs), readable by their owner only:
 * 0600 files in 0700 folders where the file system has POSIX permissions (elsewhere, the
 * platform's per-user folders already are private).
 */
public final class OwnerOnly {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {}

    /**
     * Creates the folder and its missing parents as 0700. A folder that exists is left as it is:
     * it may be one the user chose and shares (the one beside {@code --config FILE}).
     */
    static void folder(Path dir) throws IOException {
        if (POSIX && !Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Creates the file if missing, and makes it (new or old) 0600. */
    public static void file(Path file) throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException exists) {
            // made earlier, or just now by another process opening the same history
        }
        if (POSIX) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
