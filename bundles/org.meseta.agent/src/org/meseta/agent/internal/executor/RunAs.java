package org.meseta.agent.internal.executor;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A user other than the agent's that a container runs as.
 *
 * @param user the name, as the framework gave it
 * @param uid its user id
 * @param gid its primary group id
 */
public record RunAs(String user, int uid, int gid) {

    /** The {@code setpriv} words that switch to this user, its primary group and its supplementary groups. */
    List<String> setprivPrefix(Path setpriv) {
        return List.of(setpriv.toString(), "--reuid=" + uid, "--regid=" + gid, "--init-groups", "--");
    }

    /**
     * Gives {@code directory} and everything in it to this user, as Mesos does with a sandbox before the task starts.
     * Blocking file-system work.
     */
    public void chown(Path directory) throws IOException {
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                own(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                own(file);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void own(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }
}
