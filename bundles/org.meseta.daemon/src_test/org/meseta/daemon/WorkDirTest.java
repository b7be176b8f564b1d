package org.meseta.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirTest {

    @TempDir
    Path temp;

    @Test
    void createsTheDirectoryWithItsParentsAndAcceptsAnExistingOne() throws DaemonException {
        Path dir = temp.resolve("a/b/work");

        assertEquals(dir, WorkDir.create(dir));
        assertTrue(Files.isDirectory(dir));
        assertEquals(dir, WorkDir.create(dir));
    }

    @Test
    void aFileInTheWayIsNamedInOneLine() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");

        DaemonException itself = assertThrows(DaemonException.class, () -> WorkDir.create(file));
        DaemonException parent = assertThrows(DaemonException.class, () -> WorkDir.create(file.resolve("work")));

        assertEquals("Cannot create --work_dir " + file + ": " + file + " exists and is not a directory",
                itself.getMessage());
        assertEquals("Cannot create --work_dir " + file.resolve("work") + ": " + file.resolve("work")
                + ": Not a directory", parent.getMessage());
    }

    @Test
    void aMissingPermissionNamesThePath() {
        // Tests may run as root, who may write anywhere: the reason is checked on the exception Java throws.
        assertEquals("permission denied for /var/lib/meseta",
                WorkDir.reason(new AccessDeniedException("/var/lib/meseta")));
        assertEquals("/var/lib/meseta: Read-only file system",
                WorkDir.reason(new FileSystemException("/var/lib/meseta", null, "Read-only file system")));
    }
}
