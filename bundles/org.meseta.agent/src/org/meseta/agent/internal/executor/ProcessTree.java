package org.meseta.agent.internal.executor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The processes of sessions, read from {@code /proc}: what a container's process left behind, children and
 * grandchildren included, even after the session's first process ended and its children were re-parented.
 *
 * <p>Finding a session's members means reading every process's {@code stat}: a pass over {@code /proc} costs
 * milliseconds on a busy machine, whether it looks for one session or for hundreds. Lookups therefore share passes:
 * a lookup is answered by the first pass that starts after it was asked (so it sees every process that existed when
 * it asked), and all lookups asked while a pass runs, or in the {@value #PASS_SPACING_MILLIS} ms after it started,
 * are answered together by the next one. An agent ending hundreds of tasks a second then makes a few dozen passes a
 * second at most, not one per task. Thread-safe; lookups block for a pass.
 */
final class ProcessTree {

    private static final Path PROC = Path.of("/proc");
    /** The least time from the start of a pass to the start of the next. */
    static final long PASS_SPACING_MILLIS = 20;
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition PASS_ENDED = LOCK.newCondition();
    /** The pass that collects lookups until it starts; null when no lookup waits for one. Guarded by LOCK. */
    private static Pass next;
    /** Whether a pass is reading /proc, or waiting to. Guarded by LOCK. */
    private static boolean reading;
    /** When the last pass started, in {@link System#nanoTime()}. Guarded by LOCK. */
    private static long lastPassStart = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(PASS_SPACING_MILLIS);

    /** The sessions one pass looks for and, once it has read /proc, their members. */
    private static final class Pass {
        final Set<Long> sessions = new HashSet<>();
        Map<Long, List<ProcessHandle>> members;
    }

    private ProcessTree() {}

    /** Every live process whose session id is {@code sessionId}. */
    static List<ProcessHandle> session(long sessionId) {
        return sessions(List.of(sessionId)).get(sessionId);
    }

    /** The live processes of each of {@code sessionIds} (an empty list for one without any), in one pass. */
    static Map<Long, List<ProcessHandle>> sessions(Collection<Long> sessionIds) {
        Pass pass;
        LOCK.lock();
        try {
            if (next == null) {
                next = new Pass();
            }
            pass = next;
            pass.sessions.addAll(sessionIds);
            while (pass.members == null) {
                if (!reading) {
                    reading = true;
                    long pause = lastPassStart + TimeUnit.MILLISECONDS.toNanos(PASS_SPACING_MILLIS)
                            - System.nanoTime();
                    if (pause > 0) {
                        LOCK.unlock(); // lookups asked meanwhile join this pass
                        LockSupport.parkNanos(pause);
                        LOCK.lock();
                    }
                    lastPassStart = System.nanoTime();
                    next = null; // later lookups wait for a pass that starts after this one
                    LOCK.unlock();
                    Map<Long, List<ProcessHandle>> members = Map.of();
                    try {
                        members = read(pass.sessions);
                    } finally {
                        LOCK.lock();
                        reading = false;
                        pass.members = members;
                        PASS_ENDED.signalAll();
                    }
                } else {
                    PASS_ENDED.awaitUninterruptibly();
                }
            }
        } finally {
            LOCK.unlock();
        }
        Map<Long, List<ProcessHandle>> answer = new HashMap<>();
        sessionIds.forEach(id -> answer.put(id, pass.members.getOrDefault(id, List.of())));
        return answer;
    }

    /** One pass over /proc: the live members of each of {@code sessionIds} that has any. */
    private static Map<Long, List<ProcessHandle>> read(Set<Long> sessionIds) {
        Map<Long, List<ProcessHandle>> members = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, ProcessTree::isPid)) {
            for (Path entry : entries) {
                OptionalLong session = sessionOf(entry);
                if (session.isPresent() && sessionIds.contains(session.getAsLong())) {
                    ProcessHandle.of(Long.parseLong(entry.getFileName().toString())).ifPresent(process ->
                            members.computeIfAbsent(session.getAsLong(), id -> new ArrayList<>()).add(process));
                }
            }
        } catch (IOException e) {
            System.getLogger(ProcessTree.class.getName()).log(System.Logger.Level.WARNING,
                    "Cannot list the processes of sessions {0}: {1}", sessionIds, e.getMessage());
        }
        return members;
    }

    private static boolean isPid(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /** Field 6 of {@code /proc/<pid>/stat}; the command name (field 2) may hold spaces and parentheses. */
    private static OptionalLong sessionOf(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 5);
            return OptionalLong.of(Long.parseLong(fields[3]));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty(); // it ended while we looked
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
