package org.meseta.agent.internal.executor;

import java.io.IOException;

/**
 * Starts a process as the leader of a session of its own, so that the session is the container: whatever the
 * process starts stays in it unless it leaves on purpose. Two ways exist: {@code setsid(1)} in front of the command
 * ({@link SetsidStarter}, any JDK), and {@code posix_spawn(3)} asked for a new session, from the fragment
 * {@code org.meseta.agent.posixspawn} (JDK 22 or newer, glibc), which starts one program where the other starts
 * three. The fragment provides its implementation through {@link java.util.ServiceLoader}; its public constructor
 * throws {@link UnsupportedOperationException}, saying why, where it cannot work. Implementations are thread-safe.
 */
public interface SessionStarter {

    /**
     * Starts what {@code builder} describes (command, working directory, environment, redirects) as
     * {@link ProcessBuilder#start()} does, but as the leader of a new session. The caller redirects stdout and
     * stderr (to files, {@code DISCARD} or {@code INHERIT}); stdin may be a pipe or a file. {@code builder} may be
     * changed by the call.
     *
     * @throws IOException as {@link ProcessBuilder#start()} does, e.g. when the program does not exist
     * @throws IllegalArgumentException if stdout or stderr is left a pipe and the implementation cannot pipe them
     */
    Process start(ProcessBuilder builder) throws IOException;

    /** How processes are started, for the log: e.g. {@code posix_spawn}. */
    String mechanism();
}
