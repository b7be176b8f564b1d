package org.meseta.agent.posixspawn.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The functions of the C library that starting and waiting for a process needs, called through the JDK's foreign
 * function API: {@code posix_spawnp(3)} with its file actions and attributes, {@code pipe2(2)}, {@code write(2)},
 * {@code close(2)}, {@code waitpid(2)}. Needs Linux with glibc 2.34 or newer (for
 * {@code posix_spawn_file_actions_addclosefrom_np}) and native access enabled for this code. Thread-safe.
 */
final class LibC {

    /** glibc's {@code posix_spawnattr_setflags} flags. */
    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    static final short POSIX_SPAWN_SETSID = 0x80;
    /** Linux's {@code open(2)} flags, the same on every architecture glibc and the JDK both support. */
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 01;
    static final int O_CREAT = 0100;
    static final int O_TRUNC = 01000;
    static final int O_APPEND = 02000;
    static final int O_CLOEXEC = 02000000;
    /**
     * Room for glibc's opaque types, larger than each on any architecture: {@code posix_spawn_file_actions_t}
     * (80 bytes on x86_64), {@code posix_spawnattr_t} (336) and {@code sigset_t} (128).
     */
    static final long OPAQUE_BYTES = 1024;

    private static final int EINTR = 4;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout ADDRESS = ValueLayout.ADDRESS;
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private final MethodHandle spawnp;
    private final MethodHandle actionsInit;
    private final MethodHandle actionsDestroy;
    private final MethodHandle addOpen;
    private final MethodHandle addDup2;
    private final MethodHandle addChdir;
    private final MethodHandle addCloseFrom;
    private final MethodHandle attributesInit;
    private final MethodHandle attributesDestroy;
    private final MethodHandle setFlags;
    private final MethodHandle setSignalMask;
    private final MethodHandle setSignalDefault;
    private final MethodHandle emptySet;
    private final MethodHandle fillSet;
    private final MethodHandle pipe2;
    private final MethodHandle write;
    private final MethodHandle close;
    private final MethodHandle waitpid;
    private final MethodHandle strerror;

    private LibC(Linker linker, SymbolLookup libc) {
        spawnp = function(linker, libc, "posix_spawnp", INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        actionsInit = function(linker, libc, "posix_spawn_file_actions_init", INT, ADDRESS);
        actionsDestroy = function(linker, libc, "posix_spawn_file_actions_destroy", INT, ADDRESS);
        addOpen = function(linker, libc, "posix_spawn_file_actions_addopen", INT, ADDRESS, INT, ADDRESS, INT, INT);
        addDup2 = function(linker, libc, "posix_spawn_file_actions_adddup2", INT, ADDRESS, INT, INT);
        addChdir = function(linker, libc, "posix_spawn_file_actions_addchdir_np", INT, ADDRESS, ADDRESS);
        addCloseFrom = function(linker, libc, "posix_spawn_file_actions_addclosefrom_np", INT, ADDRESS, INT);
        attributesInit = function(linker, libc, "posix_spawnattr_init", INT, ADDRESS);
        attributesDestroy = function(linker, libc, "posix_spawnattr_destroy", INT, ADDRESS);
        setFlags = function(linker, libc, "posix_spawnattr_setflags", INT, ADDRESS, ValueLayout.JAVA_SHORT);
        setSignalMask = function(linker, libc, "posix_spawnattr_setsigmask", INT, ADDRESS, ADDRESS);
        setSignalDefault = function(linker, libc, "posix_spawnattr_setsigdefault", INT, ADDRESS, ADDRESS);
        emptySet = function(linker, libc, "sigemptyset", INT, ADDRESS);
        fillSet = function(linker, libc, "sigfillset", INT, ADDRESS);
        Linker.Option errno = Linker.Option.captureCallState("errno");
        pipe2 = linker.downcallHandle(symbol(libc, "pipe2"), FunctionDescriptor.of(INT, ADDRESS, INT), errno);
        write = linker.downcallHandle(symbol(libc, "write"),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, INT, ADDRESS, ValueLayout.JAVA_LONG), errno);
        close = linker.downcallHandle(symbol(libc, "close"), FunctionDescriptor.of(INT, INT), errno);
        waitpid = linker.downcallHandle(symbol(libc, "waitpid"), FunctionDescriptor.of(INT, INT, ADDRESS, INT),
                errno);
        strerror = function(linker, libc, "strerror", ADDRESS, INT);
    }

    /**
     * The C library of this process.
     *
     * @throws UnsupportedOperationException saying why it cannot be used here: native access is not enabled (the
     *     JVM option {@code --enable-native-access=ALL-UNNAMED}), the C library is not glibc, or a function is
     *     missing (glibc older than 2.34)
     */
    static LibC load() {
        if (!LibC.class.getModule().isNativeAccessEnabled()) {
            throw new UnsupportedOperationException("native access is not enabled for the agent (JVM option"
                    + " --enable-native-access=ALL-UNNAMED)");
        }
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        if (libc.find("gnu_get_libc_version").isEmpty()) {
            throw new UnsupportedOperationException("the C library is not glibc");
        }
        return new LibC(linker, libc);
    }

    private static MethodHandle function(Linker linker, SymbolLookup libc, String name, MemoryLayout result,
            MemoryLayout... arguments) {
        return linker.downcallHandle(symbol(libc, name), FunctionDescriptor.of(result, arguments));
    }

    private static MemorySegment symbol(SymbolLookup libc, String name) {
        return libc.find(name).orElseThrow(() -> new UnsupportedOperationException("the C library has no " + name
                + " (glibc 2.34 or newer has)"));
    }

    /**
     * Starts {@code file} (looked up in this process's {@code PATH} unless it has a slash) with the file actions
     * and attributes given, both initialized.
     *
     * @return the process id
     * @throws IOException with the error {@code posix_spawnp} reported, as {@code message: error=N, text}
     */
    int spawn(Arena arena, String message, String file, MemorySegment actions, MemorySegment attributes,
            MemorySegment argv, MemorySegment envp) throws IOException {
        MemorySegment pid = arena.allocate(INT);
        int error = call(spawnp, pid, arena.allocateFrom(file), actions, attributes, argv, envp);
        if (error != 0) {
            throw new IOException(message + ": error=" + error + ", " + strerror(error));
        }
        return pid.get(INT, 0);
    }

    void initActions(MemorySegment actions) throws IOException {
        check("posix_spawn_file_actions_init", call(actionsInit, actions));
    }

    void destroyActions(MemorySegment actions) {
        call(actionsDestroy, actions);
    }

    /** In the child, opens {@code path} as {@code fd}. */
    void addOpen(Arena arena, MemorySegment actions, int fd, String path, int flags) throws IOException {
        check("posix_spawn_file_actions_addopen", call(addOpen, actions, fd, arena.allocateFrom(path), flags, 0666));
    }

    /** In the child, makes {@code newFd} a copy of {@code fd} (inheritable even if {@code fd} is not). */
    void addDup2(MemorySegment actions, int fd, int newFd) throws IOException {
        check("posix_spawn_file_actions_adddup2", call(addDup2, actions, fd, newFd));
    }

    void addChdir(Arena arena, MemorySegment actions, String directory) throws IOException {
        check("posix_spawn_file_actions_addchdir_np", call(addChdir, actions, arena.allocateFrom(directory)));
    }

    /** In the child, closes every descriptor from {@code fd} up. */
    void addCloseFrom(MemorySegment actions, int fd) throws IOException {
        check("posix_spawn_file_actions_addclosefrom_np", call(addCloseFrom, actions, fd));
    }

    /**
     * Initializes {@code attributes} for a child that leads a new session, with no signal blocked and every signal's
     * action the default one (the JVM's handlers and ignored signals are not the program's).
     */
    void initNewSession(Arena arena, MemorySegment attributes) throws IOException {
        check("posix_spawnattr_init", call(attributesInit, attributes));
        MemorySegment none = arena.allocate(OPAQUE_BYTES);
        MemorySegment all = arena.allocate(OPAQUE_BYTES);
        check("sigemptyset", call(emptySet, none));
        check("sigfillset", call(fillSet, all));
        check("posix_spawnattr_setsigmask", call(setSignalMask, attributes, none));
        check("posix_spawnattr_setsigdefault", call(setSignalDefault, attributes, all));
        check("posix_spawnattr_setflags", call(setFlags, attributes,
                (short) (POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)));
    }

    void destroyAttributes(MemorySegment attributes) {
        call(attributesDestroy, attributes);
    }

    /** A pipe, both ends closed on exec: {@code [read end, write end]}. */
    int[] pipe() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment fds = arena.allocate(INT, 2);
            if (call(pipe2, state, fds, O_CLOEXEC) != 0) {
                throw new IOException("pipe2: " + strerror(errno(state)));
            }
            return new int[] {fds.getAtIndex(INT, 0), fds.getAtIndex(INT, 1)};
        }
    }

    /** Writes all of {@code bytes[offset, offset + length)} to {@code fd}. */
    void write(int fd, byte[] bytes, int offset, int length) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment buffer = arena.allocate(Math.max(1, length));
            MemorySegment.copy(bytes, offset, buffer, ValueLayout.JAVA_BYTE, 0, length);
            long written = 0;
            while (written < length) {
                long result = callLong(write, state, fd, buffer.asSlice(written), length - written);
                if (result < 0 && errno(state) != EINTR) {
                    throw new IOException("write: " + strerror(errno(state)));
                }
                written += Math.max(0, result);
            }
        }
    }

    void close(int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            if (call(close, state, fd) != 0 && errno(state) != EINTR) {
                throw new IOException("close: " + strerror(errno(state)));
            }
        }
    }

    /**
     * Reaps the child {@code pid}, waiting for it to end, and returns its exit value as {@link Process#exitValue()}
     * gives it: the exit status, or 128 plus the number of the signal that killed it.
     *
     * @throws IllegalStateException if {@code pid} is no child to wait for (someone else reaped it)
     */
    int reap(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment status = arena.allocate(INT);
            while (call(waitpid, state, pid, status, 0) < 0) {
                if (errno(state) != EINTR) {
                    throw new IllegalStateException("Cannot wait for process " + pid + ": "
                            + strerror(errno(state)));
                }
            }
            int wait = status.get(INT, 0);
            int signal = wait & 0x7f;
            return signal == 0 ? (wait >> 8) & 0xff : 0x80 + signal;
        }
    }

    String strerror(int error) {
        try {
            MemorySegment text = (MemorySegment) strerror.invokeExact(error);
            return text.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable e) {
            throw new IllegalStateException("strerror failed", e);
        }
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static void check(String function, int error) throws IOException {
        if (error != 0) {
            throw new IOException(function + " failed: error=" + error);
        }
    }

    private static int call(MethodHandle function, Object... arguments) {
        return (int) callObject(function, arguments);
    }

    private static long callLong(MethodHandle function, Object... arguments) {
        return (long) callObject(function, arguments);
    }

    /** A downcall throws nothing but what the JDK's binding throws, unchecked. */
    private static Object callObject(MethodHandle function, Object... arguments) {
        try {
            return function.invokeWithArguments(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Call of a C function failed", e);
        }
    }
}
