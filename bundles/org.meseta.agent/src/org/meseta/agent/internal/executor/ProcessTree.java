package org.meseta.agent.internal.executor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The processes of a session, read from {@code /proc}: what a container's process left behind, children and
 * grandchildren included, even after the session's first process ended and its children were re-parented. Reads a
 * few small files per process (milliseconds for a busy machine). Stateless and thread-safe.
 */
final class ProcessTree {

    private static final Path PROC = Path.of("/proc");

    private ProcessTree() {}

    /** Every live process whose session id is {@code sessionId}. */
    static List<ProcessHandle> session(long sessionId) {
        List<ProcessHandle> members = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, ProcessTree::isPid)) {
            for (Path entry : entries) {
                if (sessionOf(entry).orElse(-1L) == sessionId) {
                    ProcessHandle.of(Long.parseLong(entry.getFileName().toString())).ifPresent(members::add);
                }
            }
        } catch (IOException e) {
            System.getLogger(ProcessTree.class.getName()).log(System.Logger.Level.WARNING,
                    "Cannot list the processes of session {0}: {1}", sessionId, e.getMessage());
        }
        return members;
    }

    private static boolean isPid(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /** Field 6 of {@code /proc/<pid>/stat}; the command name (field 2) may hold spaces and parentheses. */
    private static Optional<Long> sessionOf(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[3]));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // it ended while we looked
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
