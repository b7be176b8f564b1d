package org.meseta.containerizer.cgroups.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.meseta.containerizer.api.IsolatorException;

/**
 * One cgroup directory: its control files read and written, its processes, and its destruction (every process in it
 * killed, then the directory removed). Stateless apart from the path; the methods block on the cgroup file system.
 *
 * @param dir the cgroup's directory
 * @param version of the hierarchy it is in
 */
record Cgroup(Path dir, CgroupsVersion version) {

    /** Destruction gives up after this many rounds of killing what is left. */
    private static final int KILL_ROUNDS = 500;
    /** Between two rounds: SIGKILL is delivered and the kernel releases the processes. */
    private static final long KILL_PAUSE_MILLIS = 10;

    void create() throws IsolatorException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IsolatorException("cannot create the cgroup " + dir + ": " + e.getMessage(), e);
        }
    }

    boolean exists() {
        return Files.isDirectory(dir);
    }

    boolean has(String file) {
        return Files.exists(dir.resolve(file));
    }

    String read(String file) throws IsolatorException {
        try {
            return Files.readString(dir.resolve(file)).strip();
        } catch (IOException e) {
            throw new IsolatorException("cannot read " + dir.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    long readLong(String file) throws IsolatorException {
        String text = read(file);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IsolatorException(dir.resolve(file) + " holds '" + text + "', not an integer", e);
        }
    }

    Map<String, Long> readKeyed(String file) throws IsolatorException {
        return KeyValues.parse(read(file));
    }

    void write(String file, String value) throws IsolatorException {
        try {
            Files.writeString(dir.resolve(file), value);
        } catch (IOException e) {
            throw new IsolatorException("cannot write '" + value + "' to " + dir.resolve(file) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Moves a process (all its threads) into this cgroup. */
    void add(long pid) throws IsolatorException {
        write("cgroup.procs", Long.toString(pid));
    }

    /** The processes in this cgroup now. */
    List<Long> processes() throws IsolatorException {
        return read("cgroup.procs").lines().filter(line -> !line.isBlank()).map(Long::parseLong).toList();
    }

    /**
     * Kills every process in the cgroup and removes it: rounds of SIGKILL to what {@code cgroup.procs} lists (or,
     * where v2 has it, one write to {@code cgroup.kill}), until it is empty and can be removed; a process forking
     * meanwhile is caught by the next round. Does nothing if the cgroup does not exist.
     *
     * @throws IsolatorException if processes remain after every round, or the directory cannot be removed
     */
    void destroy() throws IsolatorException {
        for (int round = 0; round < KILL_ROUNDS && exists(); round++) {
            List<Long> left = processesOrNone();
            if (left.isEmpty() && removed()) {
                return;
            }
            if (version == CgroupsVersion.V2 && has("cgroup.kill")) {
                write("cgroup.kill", "1");
            } else {
                left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            }
            pause();
        }
        if (exists()) {
            throw new IsolatorException("cannot remove the cgroup " + dir + ": processes " + processesOrNone()
                    + " are still in it");
        }
    }

    private List<Long> processesOrNone() throws IsolatorException {
        return exists() ? processes() : List.of();
    }

    /** Removes the empty cgroup; false while the kernel still counts an ending process in it. */
    private boolean removed() throws IsolatorException {
        try {
            Files.delete(dir);
            return true;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("busy")) {
                return false;
            }
            throw new IsolatorException("cannot remove the cgroup " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void pause() throws IsolatorException {
        try {
            Thread.sleep(KILL_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IsolatorException("interrupted while killing the processes of a cgroup", e);
        }
    }
}
