package org.meseta.agent.posixspawn.internal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.meseta.agent.internal.executor.SessionStarter;

/**
 * Starts each process with one {@code posix_spawnp(3)} asking for a new session ({@code POSIX_SPAWN_SETSID}), where
 * the JDK starts its helper {@code jspawnhelper}, which starts {@code setsid(1)}, which starts the program: a third
 * of the program starts, and on a machine launching hundreds of tasks a second most of the CPU they cost. Like the
 * JDK, the child gets only descriptors 0 to 2 (every other one is closed), no blocked signal and every signal's
 * default action. Provided to the agent through {@link java.util.ServiceLoader}; thread-safe.
 */
public final class PosixSpawnStarter implements SessionStarter {

    private final LibC libc;

    /**
     * @throws UnsupportedOperationException saying why {@code posix_spawn} cannot be used in this JVM on this machine
     */
    public PosixSpawnStarter() {
        this.libc = LibC.load();
    }

    @Override
    public Process start(ProcessBuilder builder) throws IOException {
        List<String> command = List.copyOf(builder.command());
        File directory = builder.directory();
        String failure = "Cannot run program \"" + command.getFirst() + "\""
                + (directory == null ? "" : " (in directory \"" + directory + "\")");
        int[] pipe = builder.redirectInput().type() == Redirect.Type.PIPE ? libc.pipe() : null;
        int pid;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(LibC.OPAQUE_BYTES);
            MemorySegment attributes = arena.allocate(LibC.OPAQUE_BYTES);
            libc.initActions(actions);
            try {
                libc.initNewSession(arena, attributes);
                try {
                    addRedirects(arena, actions, builder, pipe);
                    if (directory != null) {
                        libc.addChdir(arena, actions, directory.getPath());
                    }
                    libc.addCloseFrom(actions, 3);
                    pid = libc.spawn(arena, failure, command.getFirst(), actions, attributes,
                            strings(arena, command), strings(arena, builder.environment().entrySet().stream()
                                    .map(variable -> variable.getKey() + "=" + variable.getValue()).toList()));
                } finally {
                    libc.destroyAttributes(attributes);
                }
            } finally {
                libc.destroyActions(actions);
            }
        } catch (IOException | RuntimeException e) {
            if (pipe != null) {
                closeQuietly(pipe[0]);
                closeQuietly(pipe[1]);
            }
            throw e;
        }
        OutputStream stdin = OutputStream.nullOutputStream();
        if (pipe != null) {
            libc.close(pipe[0]);
            stdin = new PipeOutputStream(libc, pipe[1]);
        }
        return new SpawnedProcess(libc, pid, stdin);
    }

    @Override
    public String mechanism() {
        return "posix_spawn";
    }

    private void addRedirects(Arena arena, MemorySegment actions, ProcessBuilder builder, int[] pipe)
            throws IOException {
        if (pipe != null) {
            libc.addDup2(actions, pipe[0], 0);
        } else {
            addRedirect(arena, actions, 0, builder.redirectInput());
        }
        addRedirect(arena, actions, 1, builder.redirectOutput());
        if (builder.redirectErrorStream()) {
            libc.addDup2(actions, 1, 2);
        } else {
            addRedirect(arena, actions, 2, builder.redirectError());
        }
    }

    /** Opens the file of a redirect as {@code fd} in the child; an inherited descriptor needs nothing. */
    private void addRedirect(Arena arena, MemorySegment actions, int fd, Redirect redirect) throws IOException {
        int flags = switch (redirect.type()) {
            case INHERIT -> -1;
            case READ -> LibC.O_RDONLY;
            case WRITE -> LibC.O_WRONLY | LibC.O_CREAT | LibC.O_TRUNC;
            case APPEND -> LibC.O_WRONLY | LibC.O_CREAT | LibC.O_APPEND;
            case PIPE -> throw new IllegalArgumentException("posix_spawn pipes only stdin; descriptor " + fd
                    + " must be redirected to a file or inherited");
        };
        if (flags >= 0) {
            libc.addOpen(arena, actions, fd, redirect.file().getPath(), flags);
        }
    }

    /** A NULL-terminated array of C strings. */
    private static MemorySegment strings(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(ValueLayout.ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }

    private void closeQuietly(int fd) {
        try {
            libc.close(fd);
        } catch (IOException e) {
            // The start failed already; that failure is the one to report.
        }
    }
}
