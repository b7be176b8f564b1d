package org.meseta.daemon;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A daemon's {@code --work_dir}, where it keeps what must survive a restart. */
public final class WorkDir {

    private WorkDir() {}

    /**
     * Creates the directory and its parents unless it exists.
     *
     * @return {@code dir}
     * @throws DaemonException in one line naming the flag, the directory and the reason, e.g.
     *     {@code Cannot create --work_dir /var/lib/meseta: permission denied for /var/lib}
     */
    public static Path create(Path dir) throws DaemonException {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DaemonException("Cannot create --work_dir " + dir + ": " + reason(e), e);
        }
    }

    /** The reason in words, naming the path at fault. Package-private for tests (root may write anywhere). */
    static String reason(IOException e) {
        return switch (e) {
            case FileAlreadyExistsException exists -> exists.getFile() + " exists and is not a directory";
            case AccessDeniedException denied -> "permission denied for " + denied.getFile();
            // e.g. "/srv/file/work: Not a directory" when a parent is a file
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        };
    }
}
