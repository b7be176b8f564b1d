package org.meseta.agent.internal.executor;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A process started in a sandbox, with everything it starts in turn. When the launcher could start it in a session
 * of its own, {@link #terminate()} and {@link #kill()} signal every process of that session, so nothing the task
 * started survives it; otherwise (no {@code setsid} on this machine) they signal the process and the descendants it
 * has at that moment. Thread-safe.
 */
public final class Container {

    private final Process process;
    private final boolean ownSession;
    private final boolean held;

    Container(Process process, boolean ownSession, boolean held) {
        this.process = process;
        this.ownSession = ownSession;
        this.held = held;
    }

    /**
     * Lets a process started held run its program; does nothing for one that was not held. If the process ended
     * meanwhile (it was killed), there is nothing to release.
     *
     * @throws LaunchException if the release cannot be written to a live process
     */
    public void release() throws LaunchException {
        if (!held) {
            return;
        }
        try (OutputStream hold = process.getOutputStream()) {
            hold.write('\n');
        } catch (IOException e) {
            if (process.isAlive()) {
                throw new LaunchException("Failed to release process " + process.pid() + ": " + e.getMessage(), e);
            }
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Completes (on a JDK thread) when the first process of the container has ended. */
    public CompletableFuture<ExitStatus> exited() {
        return process.onExit().thenApply(ended -> ExitStatus.fromExitValue(ended.exitValue()));
    }

    /** Sends SIGTERM to every process of the container. */
    public void terminate() {
        members().forEach(ProcessHandle::destroy);
    }

    /** Sends SIGKILL to every process of the container; safe to call after it ended, to clear what it left. */
    public void kill() {
        members().forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * The first process first: a launch wrapper that waits for a child of its own (namespaces/pid's {@code unshare})
     * then dies of the signal itself, rather than living on to report its child's death as an exit status.
     */
    private List<ProcessHandle> members() {
        List<ProcessHandle> members = new ArrayList<>();
        members.add(process.toHandle());
        if (ownSession) {
            ProcessTree.session(process.pid()).stream().filter(member -> member.pid() != process.pid())
                    .forEach(members::add);
        } else {
            process.descendants().forEach(members::add);
        }
        return members;
    }
}
